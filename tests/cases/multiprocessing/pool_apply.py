import multiprocessing as mp
import time


def mul(a, b=1):
    return a * b


def slow(x):
    time.sleep(0.2)
    return x


results = []


def collect(r):
    results.append(r)


if __name__ == "__main__":
    pool = mp.Pool(processes=2)
    print(pool.apply(mul, (6,), {"b": 7}))
    r = pool.apply_async(mul, (3, 4))
    print(r.get(timeout=10), r.ready(), r.successful())
    asyncs = [pool.apply_async(mul, (i, i), callback=collect) for i in range(5)]
    s = pool.apply_async(slow, (1,))
    try:
        s.get(timeout=0.01)
    except mp.TimeoutError:
        print("TimeoutError")
    s.wait()
    print(s.ready(), s.get())
    m = pool.map_async(mul, [1, 2, 3])
    print(m.get())
    sm = pool.starmap_async(mul, [(1, 2), (3, 4)])
    print(sm.get())
    pool.close()
    pool.join()
    print(sorted(results))
    try:
        pool.map(mul, [1])
    except ValueError as e:
        print("ValueError:", e)
