# ThreadPoolExecutor: submit, map in order, as_completed, wait, names, initializer, defaults,
# and no worker thread left once shut down.
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, ALL_COMPLETED


def square(x):
    time.sleep(0.002 * (5 - x % 5))
    return x * x


def name_of(_):
    return threading.current_thread().name


seen = []


def init(tag):
    seen.append(tag)


def tagged(x):
    return (len(seen) > 0, x)


with ThreadPoolExecutor(max_workers=3) as ex:
    fs = [ex.submit(square, i) for i in range(8)]
    print(sorted(f.result() for f in as_completed(fs)))
    print(list(ex.map(square, range(8))))
    print(list(ex.map(pow, [2, 3, 4], [5, 6, 7])))
    done, not_done = wait(fs, return_when=ALL_COMPLETED)
    print(len(done), len(not_done), all(f.done() for f in fs))
    print([f.running() or f.cancelled() for f in fs])
    kw = ex.submit(int, "ff", base=16)
    print(kw.result())

with ThreadPoolExecutor(2, thread_name_prefix="worker") as ex:
    names = set(ex.map(name_of, range(20)))
    print(sorted(names) <= ["worker_0", "worker_1"], len(names) >= 1)

with ThreadPoolExecutor(2, initializer=init, initargs=("x",)) as ex:
    print(list(ex.map(tagged, [1, 2])))

ex = ThreadPoolExecutor()
print(ex._max_workers == min(32, (os.cpu_count() or 1) + 4))
ex.shutdown()

for bad in (0, -1):
    try:
        ThreadPoolExecutor(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    ThreadPoolExecutor(2, initializer=5)
except TypeError as e:
    print("TypeError:", e)

print("threads left:", threading.active_count())
