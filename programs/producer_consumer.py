# Producers and consumers connected by a bounded queue.Queue: producers block when it is full,
# consumers block when it is empty; a None per consumer ends the work.
# Usage: producer_consumer.py [producers] [consumers] [items per producer]
import queue
import sys
import threading
import time


def producer(q, pid, items):
    for i in range(items):
        q.put((pid, i))


def consumer(q, results, lock):
    handled = 0
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        pid, i = item
        handled += 1
        with lock:
            results.append(pid * 1_000_000 + i)
        q.task_done()


def main():
    producers = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    consumers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    items = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    q = queue.Queue(maxsize=10)
    results = []
    lock = threading.Lock()
    start = time.perf_counter()
    ps = [threading.Thread(target=producer, args=(q, p, items)) for p in range(producers)]
    cs = [threading.Thread(target=consumer, args=(q, results, lock)) for _ in range(consumers)]
    for t in ps + cs:
        t.start()
    for t in ps:
        t.join()
    q.join()
    for _ in cs:
        q.put(None)
    for t in cs:
        t.join()
    elapsed = time.perf_counter() - start
    print("items produced:", producers * items)
    print("items consumed:", len(results))
    print("every item once:", sorted(results) == sorted(
        [p * 1_000_000 + i for p in range(producers) for i in range(items)]))
    print("queue empty at the end:", q.empty(), q.unfinished_tasks)
    print(f"{elapsed:.3f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
