import multiprocessing as mp
import os
import sys


class Worker(mp.Process):
    def __init__(self, q, n, total, lock):
        super().__init__()
        self.q = q
        self.n = n
        self.total = total
        self.lock = lock
        self.items = [n, str(n), (n, None)]

    def run(self):
        me = mp.current_process()
        with self.lock:
            self.total.value += self.n
        self.q.put((self.name, self.n * 2, self.items, self.pid == os.getpid(),
                    me is self, self.is_alive(), self.exitcode, me.name))


class Failing(mp.Process):
    def run(self):
        raise ValueError("boom in " + self.name)


class Exiting(mp.Process):
    def __init__(self, code):
        super().__init__(name="exiting")
        self.code = code

    def run(self):
        sys.exit(self.code)


class Spawner(mp.Process):
    # A child that starts a Process subclass of its own.
    def __init__(self, q):
        super().__init__(daemon=False)
        self.q = q

    def run(self):
        own = mp.Queue()
        w = Worker(own, 100, mp.Value("i", 0), mp.Lock())
        w.start()
        w.join()
        self.q.put((own.get(), "spawner", w.exitcode))


class Echo(mp.Process):
    # A pipe end, an event and a shared value created in __init__ travel as attributes.
    def __init__(self, conn, ev):
        super().__init__(daemon=True)
        self.conn = conn
        self.ev = ev
        self.counter = mp.Value("d", 1.5)

    def run(self):
        self.conn.send(("daemon", self.daemon, self.counter.value, mp.current_process().name))
        self.ev.set()


class Plain(mp.Process):
    # Overrides only __init__: run() calls the target as usual.
    def __init__(self, q):
        super().__init__(target=put_one, args=(q,))


def put_one(q):
    q.put("plain target")


if __name__ == "__main__":
    q = mp.Queue()
    total = mp.Value("i", 0)
    lock = mp.Lock()
    workers = [Worker(q, n, total, lock) for n in (1, 2, 3)]
    print([w.name for w in workers], [w.pid for w in workers], workers[0].is_alive())
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(sorted(q.get() for _ in workers))
    print("total", total.value, [w.exitcode for w in workers], workers[0].is_alive())

    f = Failing()
    f.start()
    f.join()
    print(f.name, "exitcode", f.exitcode)

    e = Exiting(3)
    e.start()
    e.join()
    print(e.name, "exitcode", e.exitcode)

    s = Spawner(q)
    s.start()
    s.join()
    print(q.get(), s.exitcode)

    p = Plain(q)
    p.start()
    p.join()
    print(q.get(), p.exitcode)

    a, b = mp.Pipe()
    ev = mp.Event()
    echo = Echo(b, ev)
    echo.start()
    print(a.recv(), ev.wait(60))
    echo.join()
    print(echo.exitcode, echo.daemon, mp.active_children())

    bare = mp.Process()
    bare.start()
    bare.join()
    print("bare", bare.exitcode)
