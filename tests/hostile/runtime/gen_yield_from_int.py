# expect: error TypeError
# cpython: same
def g():
    yield from 5
list(g())
