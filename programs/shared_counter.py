# A shared counter incremented by several processes, with and without its lock.
# Without the lock, `counter.value += 1` is a read and a write: increments get lost, so that
# total varies from run to run and goes to stderr; only the locked total is on stdout.
# Usage: shared_counter.py [increments] [processes]   (default 20_000 and 2)
import multiprocessing as mp
import sys
import time


def unlocked(counter, n):
    for _ in range(n):
        counter.value += 1


def locked(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def run(target, n, procs):
    counter = mp.Value("i", 0)
    ps = [mp.Process(target=target, args=(counter, n)) for _ in range(procs)]
    t0 = time.perf_counter()
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    return counter.value, time.perf_counter() - t0


def main():
    n = 20_000
    procs = 2
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    if len(sys.argv) > 2:
        procs = int(sys.argv[2])
    racy, t_racy = run(unlocked, n, procs)
    safe, t_safe = run(locked, n, procs)
    print("expected:", n * procs)
    print("with the lock:", safe)
    print(f"without the lock: {racy} ({n * procs - racy} increments lost) in {t_racy:.3f}s; "
          f"with the lock in {t_safe:.3f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
