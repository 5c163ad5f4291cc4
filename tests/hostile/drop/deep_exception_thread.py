# expect: ok
# cpython: same
# threading: waits
N = 1000000
import threading


class Node:
    pass


def closure(v):
    return lambda: v


def gen(v):
    yield v


def started(v):
    g = gen(v)
    next(g)
    return g


def run():
    x = None
    for _ in range(N):
        e = ValueError()
        e.__context__ = x
        x = e
    del x
    print('freed exception')


t = threading.Thread(target=run)
t.start()
t.join()
print('joined')
