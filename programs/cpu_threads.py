# CPU-bound work, first sequentially and then split over N threads. Under a GIL the threaded
# run is no faster (only one thread runs bytecode at a time); the results are the same.
# Usage: cpu_threads.py [threads] [work]   (default 4 threads, 200_000 steps each)
# The timings go to stderr so that stdout can be compared with python3.
import sys
import threading
import time


def work(n):
    total = 0
    for i in range(n):
        total = (total + i * i) % 1_000_003
    return total


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000

    start = time.perf_counter()
    sequential = [work(n + k) for k in range(threads)]
    t_seq = time.perf_counter() - start

    results = [None] * threads

    def run(k):
        results[k] = work(n + k)

    start = time.perf_counter()
    pool = [threading.Thread(target=run, args=(k,)) for k in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    t_thr = time.perf_counter() - start

    print("threads:", threads, "steps each:", n)
    print("results:", results)
    print("same as sequential:", results == sequential)
    print(f"sequential {t_seq:.3f}s, {threads} threads {t_thr:.3f}s, "
          f"ratio {t_thr / t_seq:.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
