import queue
import threading

q = queue.Queue(maxsize=3)
results = []
lock = threading.Lock()
DONE = object()

def producer(start):
    for i in range(start, start + 10):
        q.put(i)

def consumer():
    while True:
        item = q.get()
        if item is DONE:
            q.task_done()
            break
        with lock:
            results.append(item * 2)
        q.task_done()

producers = [threading.Thread(target=producer, args=(k * 100,)) for k in range(3)]
consumers = [threading.Thread(target=consumer) for _ in range(2)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
q.join()
for _ in consumers:
    q.put(DONE)
for t in consumers:
    t.join()
print(len(results), sum(results))
print(sorted(results)[:5])
