import multiprocessing as mp
import os


def report(q):
    me = mp.current_process()
    parent = mp.parent_process()
    q.put((me.name, me.pid == os.getpid(), parent is not None and parent.pid > 0))


if __name__ == "__main__":
    print(mp.current_process().name, mp.parent_process())
    q = mp.Queue()
    ps = [mp.Process(target=report, args=(q,)) for _ in range(3)]
    print([p.name for p in ps])
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(sorted([q.get() for _ in range(3)]))
    named = mp.Process(target=report, args=(q,), name="worker-x")
    named.start()
    named.join()
    print(q.get())
