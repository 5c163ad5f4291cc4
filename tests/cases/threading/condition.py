# A condition variable hands items from a producer to a consumer.
import threading

cond = threading.Condition()
items = []
got = []

def consumer():
    for _ in range(5):
        with cond:
            while not items:
                cond.wait()
            got.append(items.pop(0))

t = threading.Thread(target=consumer)
t.start()
for i in range(5):
    with cond:
        items.append(i * i)
        cond.notify()
t.join()
print(got)

with cond:
    print(cond.wait(0.01))
    print(cond.wait_for(lambda: True))
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
