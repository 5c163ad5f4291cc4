# ProcessPoolExecutor: map with chunksize (results in order), submit, as_completed, an
# exception from a task with its remote traceback as __cause__, initializer, mp_context, the
# default max_workers, shutdown then submit.
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, as_completed, wait


def square(x):
    return x * x


def boom(x):
    raise ValueError("bad %d" % x)


def init(n):
    global BASE
    BASE = n


def add_base(x):
    return BASE + x


def pid_and(x):
    return x + 1


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(square, range(10), chunksize=3)))
        print(list(ex.map(pow, [2, 3], [10, 2])))
        fs = [ex.submit(square, i) for i in range(6)]
        print(sorted(f.result() for f in as_completed(fs)))
        done, not_done = wait(fs)
        print(len(done), len(not_done))
        f = ex.submit(boom, 3)
        try:
            f.result()
        except ValueError as e:
            cause = e.__cause__
            print("caught", e, type(cause).__name__, "Traceback" in str(cause), "bad 3" in str(cause))
        print(type(f.exception()).__name__)
        results = ex.map(boom, [1, 2])
        try:
            next(results)
        except ValueError as e:
            print("map raised", e)
        print(ex.submit(divmod, 17, 5).result())
    with ProcessPoolExecutor(2, initializer=init, initargs=(100,)) as ex:
        print(list(ex.map(add_base, [1, 2, 3])))
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=ctx) as ex:
        print(ex.submit(pid_and, 1).result())
    ex = ProcessPoolExecutor()
    print(ex._max_workers == os.cpu_count())
    ex.shutdown()
    try:
        ex.submit(square, 2)
    except RuntimeError as e:
        print("RuntimeError:", e)
    for bad in (0, -2):
        try:
            ProcessPoolExecutor(bad)
        except ValueError as e:
            print("ValueError:", e)
    try:
        ProcessPoolExecutor(2).map(square, [1], chunksize=0)
    except ValueError as e:
        print("ValueError:", e)
    print("children left:", multiprocessing.active_children())
