# IO-bound job for `gilvm compare`: each item sleeps, and a sleeping thread releases the GIL, so
# threads (and coroutines, see io_async.py) overlap the waits.
import time

SLEEP = 0.02


def job(i):
    time.sleep(SLEEP)
    return i
