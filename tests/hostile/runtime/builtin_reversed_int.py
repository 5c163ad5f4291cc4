# expect: error TypeError
# cpython: same
reversed(1)
