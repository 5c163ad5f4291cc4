import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor


def record(args):
    d, l, i = args
    d[i] = str(i)
    l.append(i * 10)
    return i


def lookup(d, key):
    return d[key]


def bump(ns, lock, n):
    for _ in range(n):
        with lock:
            ns.count = ns.count + 1
    return n


if __name__ == '__main__':
    with mp.Manager() as m:
        d = m.dict()
        l = m.list()
        with mp.Pool(2) as pool:
            print(pool.map(record, [(d, l, i) for i in range(5)]))
        print(sorted(d.items()), sorted(l))
        ns = m.Namespace(count=0)
        lock = m.Lock()
        with ProcessPoolExecutor(max_workers=2) as ex:
            futs = [ex.submit(bump, ns, lock, 10) for _ in range(3)]
            print([f.result() for f in futs], ns.count)
            try:
                ex.submit(lookup, d, 'nope').result()
            except KeyError as e:
                print('KeyError from worker:', e)
            print(ex.submit(lookup, d, 3).result())
