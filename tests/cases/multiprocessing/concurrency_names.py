import threading, asyncio, sys, os
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.pool import ThreadPool


def boom(x):
    raise ValueError('bad %d' % x)


def die():
    os._exit(3)


def sq(x):
    return x * x


if __name__ == '__main__':
    ev = threading.Event()
    t = threading.Timer(0.01, lambda: (print('timer fired'), ev.set()))
    t.start(); ev.wait(5); t.join()
    t2 = threading.Timer(10, print, args=('never',)); t2.start(); t2.cancel(); t2.join(); print('cancelled', t2.finished.is_set())
    seen = []
    old = threading.excepthook
    threading.excepthook = lambda a: seen.append((a.exc_type.__name__, str(a.exc_value), a.thread.name))
    th = threading.Thread(target=boom, args=(1,), name='T1'); th.start(); th.join()
    threading.excepthook = old
    print(seen, threading.__excepthook__ is not None)
    with ThreadPool(2) as p:
        print(p.map(sq, range(4)), p.apply(sq, (5,)))
    async def main():
        loop = asyncio.get_running_loop()
        with ThreadPoolExecutor(2) as ex:
            print(await loop.run_in_executor(ex, sq, 6))
            print(await asyncio.wrap_future(ex.submit(sq, 7)))
            print(await loop.run_in_executor(None, sq, 8))
        with ProcessPoolExecutor(1) as ex:
            print(await loop.run_in_executor(ex, sq, 9))
    asyncio.run(main())
    with ProcessPoolExecutor(1) as ex:
        f = ex.submit(boom, 2)
        try:
            f.result()
        except ValueError as e:
            print('remote', repr(e), type(e.__cause__).__name__, 'Traceback' in str(e.__cause__), 'bad 2' in str(e.__cause__))
    ex = ProcessPoolExecutor(1)
    f = ex.submit(die)
    try:
        f.result(timeout=10)
    except BrokenProcessPool as e:
        print('broken', e)
    try:
        ex.submit(sq, 1)
    except BrokenProcessPool as e:
        print('broken submit', e)
    ex.shutdown()
