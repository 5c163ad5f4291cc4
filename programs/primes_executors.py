"""A prime checker run with both executors of concurrent.futures: the same candidates go to a
ThreadPoolExecutor (threads share one GIL) and a ProcessPoolExecutor (one interpreter per
worker), and both must agree. Prints only deterministic results (counts, the largest primes,
agreement); pass `--time` to also print how long each executor took.

Usage: primes_executors.py [LIMIT [WORKERS]] [--time]
"""

import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def count_range(lo, hi):
    """How many primes lie in [lo, hi), and the largest of them (0 if none)."""
    count = 0
    largest = 0
    for n in range(lo, hi):
        if is_prime(n):
            count += 1
            largest = n
    return count, largest


def ranges(limit, parts):
    step = max(1, limit // parts)
    return [(lo, min(lo + step, limit)) for lo in range(0, limit, step)]


def run(executor_class, limit, workers):
    start = time.perf_counter()
    with executor_class(max_workers=workers) as ex:
        # map: results in the order of the ranges.
        per_range = list(ex.map(count_range, *zip(*ranges(limit, 4 * workers))))
        # submit + as_completed: results in completion order, so sort them.
        singles = [ex.submit(is_prime, n) for n in range(limit - 50, limit)]
        flagged = sorted(n for n, f in zip(range(limit - 50, limit), singles) if f.result())
        done = sorted(f.result() for f in as_completed(singles))
    elapsed = time.perf_counter() - start
    total = sum(c for c, _ in per_range)
    largest = max(l for _, l in per_range)
    return total, largest, flagged, done.count(True), elapsed


def main(argv):
    show_time = "--time" in argv
    args = [a for a in argv if a != "--time"]
    limit = int(args[0]) if args else 20000
    workers = int(args[1]) if len(args) > 1 else 2
    results = {}
    for cls in (ThreadPoolExecutor, ProcessPoolExecutor):
        total, largest, flagged, n_true, elapsed = run(cls, limit, workers)
        results[cls.__name__] = (total, largest, flagged)
        print(f"{cls.__name__}: {total} primes below {limit}, largest {largest}")
        print(f"  primes in the last 50: {flagged} ({n_true} by as_completed)")
        if show_time:
            print(f"  {elapsed:.3f} s with {workers} workers")
    agree = results["ThreadPoolExecutor"] == results["ProcessPoolExecutor"]
    print("executors agree:", agree)
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
