# expect: error TypeError
# cpython: same
iter(1)
