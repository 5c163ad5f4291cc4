# expect: error TypeError
# cpython: same
def g():
    yield 1
g().send(5)
