# A counter incremented under a lock by several threads is exact.
import threading

count = 0
lock = threading.Lock()

def inc(n):
    global count
    for _ in range(n):
        with lock:
            count += 1

threads = [threading.Thread(target=inc, args=(5000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(count)
print(lock.locked())
