# expect: error RuntimeError
# cpython: same
d = {1: 1, 2: 2}
it = iter(d.items())
next(it)
d.clear()
next(it)
