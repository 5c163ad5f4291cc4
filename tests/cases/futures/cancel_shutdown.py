# Cancelling queued work, shutdown(cancel_futures=True), submit after shutdown, an exception
# re-raised from map at iteration, and an initializer that fails (BrokenThreadPool).
import threading
import time
from concurrent.futures import ThreadPoolExecutor, CancelledError, BrokenExecutor
from concurrent.futures.thread import BrokenThreadPool

gate = threading.Event()
started = threading.Event()


def hold():
    started.set()
    gate.wait(10)
    return "held"


def ident(x):
    return x


ex = ThreadPoolExecutor(max_workers=1)
first = ex.submit(hold)
started.wait(5)
queued = [ex.submit(ident, i) for i in range(3)]
print("running:", first.running(), "cancel running:", first.cancel())
print("cancel queued:", queued[0].cancel(), queued[0].cancelled())
gate.set()
print(first.result(), [f.result() for f in queued[1:]])
try:
    queued[0].result()
except CancelledError:
    print("queued[0] was cancelled")
ex.shutdown()
try:
    ex.submit(ident, 1)
except RuntimeError as e:
    print("RuntimeError:", e)

gate.clear()
started.clear()
ex = ThreadPoolExecutor(max_workers=1)
first = ex.submit(hold)
started.wait(5)
rest = [ex.submit(ident, i) for i in range(3)]
threading.Timer(0.05, gate.set).start()
ex.shutdown(wait=True, cancel_futures=True)
print(first.result(), [f.cancelled() for f in rest])


def maybe_fail(x):
    if x == 2:
        raise ZeroDivisionError("item 2")
    return x


with ThreadPoolExecutor(2) as ex:
    results = ex.map(maybe_fail, range(4))
    out = []
    try:
        for r in results:
            out.append(r)
    except ZeroDivisionError as e:
        print("map raised at item", len(out), e)


def bad_init():
    raise OSError("no init")


# The failure is logged to stderr ("Exception in initializer:", then the exception).
ex = ThreadPoolExecutor(1, initializer=bad_init)
f = ex.submit(ident, 1)
try:
    f.result(timeout=5)
except BrokenThreadPool as e:
    print("BrokenThreadPool:", e, isinstance(e, BrokenExecutor))
time.sleep(0.05)
try:
    ex.submit(ident, 2)
except BrokenThreadPool as e:
    print("submit:", e)
ex.shutdown()
time.sleep(0.1)
print("threads left:", threading.active_count())
