# expect: ok
# cpython: same
# threading: waits
# heavy: yes
N = 10000000
import threading


class Node:
    pass


class Slotted:
    __slots__ = ('next',)


class Pair(tuple):
    pass


def closure(v):
    return lambda: v


def with_default(v):
    def f(a=v):
        return a
    return f


def gen(v):
    yield v


def started(v):
    g = gen(v)
    next(g)
    return g


def run():
    x = None
    for _ in range(N):
        x = gen(x)
    del x
    print('freed generator')


t = threading.Thread(target=run)
t.start()
t.join()
print('joined')
