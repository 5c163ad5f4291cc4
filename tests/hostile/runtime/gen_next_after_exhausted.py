# expect: error StopIteration
# cpython: same
def g():
    yield 1
it = g()
list(it)
next(it)
