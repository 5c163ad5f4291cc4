# expect: error StopIteration
# cpython: same
def g():
    yield 1
it = g()
next(it)
it.close()
it.send(1)
