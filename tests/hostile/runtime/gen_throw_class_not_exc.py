# expect: error TypeError
# cpython: same
def g():
    yield 1
it = g()
it.throw(int)
