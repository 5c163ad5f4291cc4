# 8 threads x N increments of a shared counter under a lock: the total must be exact.
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
THREADS = 8
count = 0
lock = threading.Lock()


def work():
    global count
    for _ in range(N):
        with lock:
            count += 1


threads = [threading.Thread(target=work) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(count, count == N * THREADS)
