# Timeouts: as_completed's "N (of M) futures unfinished", wait's not_done, map's TimeoutError,
# result(timeout); the blocked tasks are released afterwards so nothing is left running.
import threading
import time
from concurrent.futures import (ThreadPoolExecutor, as_completed, wait, TimeoutError,
                                FIRST_COMPLETED, FIRST_EXCEPTION)

gate = threading.Event()


def blocked(x):
    gate.wait(10)
    return x


def quick(x):
    return x


def fail(x):
    raise ValueError("task %d failed" % x)


# Enough workers that the tasks still blocked never keep the later ones waiting.
with ThreadPoolExecutor(8) as ex:
    slow = [ex.submit(blocked, i) for i in range(2)]
    fast = ex.submit(quick, 7)
    fast.result()
    got = []
    try:
        for f in as_completed(slow + [fast], timeout=0.05):
            got.append(f.result())
    except TimeoutError as e:
        print("as_completed:", e, got)

    done, not_done = wait(slow + [fast], timeout=0.05)
    print("wait:", len(done), len(not_done))
    done, not_done = wait(slow + [fast], return_when=FIRST_COMPLETED)
    print("first completed:", [f.result() for f in done], len(not_done))

    try:
        slow[0].result(timeout=0.02)
    except TimeoutError as e:
        print("result:", type(e).__name__, repr(str(e)))

    it = ex.map(blocked, [1, 2], timeout=0.05)
    try:
        list(it)
    except TimeoutError:
        print("map timed out")

    failing = ex.submit(fail, 3)
    done, not_done = wait(slow + [failing], return_when=FIRST_EXCEPTION)
    print("first exception:", sorted(str(f.exception()) for f in done), len(not_done))
    gate.set()
    print(sorted(f.result() for f in as_completed(slow, timeout=5)))

print("threads left:", threading.active_count())
