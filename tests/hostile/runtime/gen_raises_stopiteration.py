# expect: error RuntimeError
# cpython: same
def g():
    raise StopIteration
    yield 1
list(g())
