# A daemonic process (a Pool's worker, a Process with daemon=True) may not start processes:
# CPython's AssertionError. A non-daemonic Process may.
import multiprocessing as mp


def inner():
    pass


def try_child(_):
    try:
        p = mp.Process(target=inner)
        p.start()
        p.join()
        return "started"
    except AssertionError as e:
        return "AssertionError: " + str(e)


def try_pool(q):
    try:
        with mp.Pool(1):
            q.put("pool started")
    except AssertionError as e:
        q.put("AssertionError: " + str(e))


def nested(q):
    q.put(try_child(0))


if __name__ == "__main__":
    with mp.Pool(1) as pool:
        print("pool worker:", pool.map(try_child, [0]))
    q = mp.Queue()
    d = mp.Process(target=try_pool, args=(q,), daemon=True)
    d.start()
    print("daemon process:", q.get())
    d.join()
    n = mp.Process(target=nested, args=(q,))
    n.start()
    print("plain process:", q.get())
    n.join()
    print("exit codes:", d.exitcode, n.exitcode)
