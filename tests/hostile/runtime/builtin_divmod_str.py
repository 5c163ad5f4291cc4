# expect: error TypeError
# cpython: same
divmod('a', 1)
