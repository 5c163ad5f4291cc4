import queue
import threading

q = queue.Queue()
processed = []

def worker():
    while True:
        item = q.get()
        if item is None:
            break
        processed.append(item)
        q.task_done()

t = threading.Thread(target=worker, daemon=True)
t.start()
for i in range(20):
    q.put(i)
q.join()
print(processed == list(range(20)))
print(q.unfinished_tasks)
q.put(None)
t.join()
