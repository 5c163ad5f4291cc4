# expect: error ValueError
# cpython: same
def g():
    yield from it
it = g()
list(it)
