# Threads importing the same module at once: one runs its code, the others wait for it and
# all see the whole module (CPython's per-module import locks).
import threading

results = []
lock = threading.Lock()


def worker(i):
    import slow
    with lock:
        results.append((slow.DONE, slow.LOADS))


threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
import slow
print(slow.LOADS)
