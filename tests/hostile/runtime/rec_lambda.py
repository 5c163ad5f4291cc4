# expect: error RecursionError
# cpython: same
f = lambda: f()
f()
