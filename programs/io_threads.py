# Sleep-bound work, first sequentially and then over N threads: a sleeping thread releases
# the GIL, so the threaded run takes about as long as one sleep, not N of them.
# Usage: io_threads.py [threads] [seconds]   (default 8 threads, 0.1 s each)
# The timings go to stderr so that stdout can be compared with python3.
import sys
import threading
import time


def fetch(k, delay, out):
    time.sleep(delay)
    out[k] = k * k


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    delay = float(sys.argv[2]) if len(sys.argv) > 2 else 0.1

    seq = [None] * threads
    start = time.perf_counter()
    for k in range(threads):
        fetch(k, delay, seq)
    t_seq = time.perf_counter() - start

    par = [None] * threads
    start = time.perf_counter()
    pool = [threading.Thread(target=fetch, args=(k, delay, par)) for k in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    t_thr = time.perf_counter() - start

    print("threads:", threads)
    print("results:", par)
    print("same as sequential:", par == seq)
    print("threads overlapped:", t_thr < t_seq / 2)
    print(f"sequential {t_seq:.3f}s, {threads} threads {t_thr:.3f}s, "
          f"speed-up {t_seq / t_thr:.2f}x", file=sys.stderr)


if __name__ == "__main__":
    main()
