import multiprocessing as mp
import time


def holder(lock, started, release):
    with lock:
        started.set()
        release.wait(10)


def waiter(sem, q, i):
    with sem:
        q.put(i)


if __name__ == "__main__":
    lock = mp.Lock()
    started = mp.Event()
    release = mp.Event()
    p = mp.Process(target=holder, args=(lock, started, release))
    p.start()
    print(started.wait(10))
    print(lock.acquire(False), lock.acquire(timeout=0.05))
    release.set()
    print(lock.acquire(timeout=10))
    lock.release()
    p.join()
    try:
        lock.release()
    except ValueError as e:
        print("ValueError:", e)

    r = mp.RLock()
    with r:
        with r:
            print("reentrant")
    print(r.acquire(False))
    r.release()

    sem = mp.Semaphore(2)
    print(sem.get_value())
    sem.acquire()
    print(sem.get_value(), sem.acquire(False), sem.acquire(False))
    sem.release()
    sem.release()
    q = mp.Queue()
    ps = [mp.Process(target=waiter, args=(sem, q, i)) for i in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(sorted([q.get() for _ in range(4)]), sem.get_value())

    b = mp.BoundedSemaphore(1)
    b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)

    e = mp.Event()
    print(e.is_set(), e.wait(0.01))
    e.set()
    print(e.is_set(), e.wait())
    e.clear()
    print(e.is_set())
