# Results come back through a queue, in order per worker.
import queue
import threading

tasks = queue.Queue()
results = queue.Queue()

def square_worker():
    while True:
        n = tasks.get()
        if n is None:
            return
        results.put((n, n * n))

workers = [threading.Thread(target=square_worker) for _ in range(3)]
for w in workers:
    w.start()
for n in range(12):
    tasks.put(n)
for _ in workers:
    tasks.put(None)
for w in workers:
    w.join()
out = []
while not results.empty():
    out.append(results.get())
print(sorted(out))
