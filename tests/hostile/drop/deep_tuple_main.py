# expect: ok
# cpython: same
N = 8000000
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
        x = (x,)
    del x
    print('freed tuple')


run()
