# Pool.map over many small items against a plain loop.
# Usage: pool_map.py [items] [processes]   (default 10_000 and 2)
import multiprocessing as mp
import sys
import time


def work(x):
    return (x * x + 3 * x) % 1009


def main():
    n = 10_000
    procs = 2
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    if len(sys.argv) > 2:
        procs = int(sys.argv[2])
    items = list(range(n))
    t0 = time.perf_counter()
    expected = [work(x) for x in items]
    t_loop = time.perf_counter() - t0
    t0 = time.perf_counter()
    with mp.Pool(procs) as pool:
        t1 = time.perf_counter()
        got = pool.map(work, items)
        t_map = time.perf_counter() - t1
    t_all = time.perf_counter() - t0
    print("items:", len(got), "checksum:", sum(got))
    print("same as a loop:", got == expected)
    print(f"loop {t_loop * 1000:.1f} ms, Pool.map {t_map * 1000:.1f} ms, "
          f"with pool start/stop {t_all * 1000:.1f} ms", file=sys.stderr)


if __name__ == "__main__":
    main()
