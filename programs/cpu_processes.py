# CPU-bound work done sequentially, then split across N processes (multiprocessing).
# Usage: cpu_processes.py [n] [processes]   (default 3_000_000 and 2)
# stdout is deterministic; the timings and the speedup go to stderr.
import multiprocessing as mp
import sys
import time


def count(n):
    total = 0
    i = 0
    while i < n:
        total += i % 7
        i += 1
    return total


def worker(n, q):
    q.put(count(n))


def main():
    n = 3_000_000
    procs = 2
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    if len(sys.argv) > 2:
        procs = int(sys.argv[2])
    t0 = time.perf_counter()
    seq = [count(n) for _ in range(procs)]
    t_seq = time.perf_counter() - t0
    q = mp.Queue()
    t0 = time.perf_counter()
    ps = [mp.Process(target=worker, args=(n, q)) for _ in range(procs)]
    for p in ps:
        p.start()
    par = [q.get() for _ in range(procs)]
    for p in ps:
        p.join()
    t_par = time.perf_counter() - t0
    print("sequential:", sum(seq))
    print("processes: ", sum(par))
    print("same result:", sum(seq) == sum(par))
    print(f"sequential {t_seq:.3f}s, {procs} processes {t_par:.3f}s, "
          f"speedup {t_seq / t_par:.2f}x", file=sys.stderr)


if __name__ == "__main__":
    main()
