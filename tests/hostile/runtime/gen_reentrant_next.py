# expect: error ValueError
# cpython: same
def g():
    next(it)
    yield 1
it = g()
next(it)
