# threading.local: a subclass __init__ runs again in a new thread with the constructor's arguments.
import threading
class Counter(threading.local):
    def __init__(self, start):
        self.n = start
c = Counter(5)
out = []
def work():
    c.n += 1
    out.append(c.n)
t = threading.Thread(target=work); t.start(); t.join()
print(out, c.n)
try:
    threading.local(1)
except TypeError as e:
    print(e)
l = threading.local()
l.x = 1
print(l.x)
