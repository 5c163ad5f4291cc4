import multiprocessing as mp

gate = None


def init(event):
    global gate
    gate = event


def task(x):
    if x == 0:
        # The first task waits until the parent has received another result: imap_unordered
        # must yield in completion order (imap would wait for this one first).
        gate.wait(120)
    return x * 10


if __name__ == "__main__":
    ev = mp.Event()
    with mp.Pool(2, initializer=init, initargs=(ev,)) as pool:
        it = pool.imap_unordered(task, [0, 1])
        first = next(it)
        ev.set()
        second = next(it)
        print(first, second)
        print(sorted(pool.imap_unordered(task, range(1, 8), chunksize=3)))
        ev.clear()
        print(pool.map_async(task, [3, 4]).get(60))
