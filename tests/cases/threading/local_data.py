import threading

data = threading.local()
data.x = "main"
out = []
lock = threading.Lock()

def work(i):
    try:
        data.x
    except AttributeError:
        with lock:
            out.append(("unset", i))
    data.x = i
    with lock:
        out.append((i, data.x))

threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(out, key=str))
print(data.x)

class Counter(threading.local):
    def __init__(self):
        self.n = 0

c = Counter()
c.n += 5

def bump():
    c.n += 1
    with lock:
        out.append(("bump", c.n))

t = threading.Thread(target=bump)
t.start()
t.join()
print(c.n, out[-1])
