# expect: error RecursionError
# cpython: same
def g(x):
    yield from g(x)
list(g(1))
