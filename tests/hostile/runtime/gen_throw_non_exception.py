# expect: error TypeError
# cpython: same
def g():
    yield 1
it = g()
next(it)
it.throw(5)
