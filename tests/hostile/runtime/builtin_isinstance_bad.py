# expect: error TypeError
# cpython: same
isinstance(1, 1)
