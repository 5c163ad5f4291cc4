# expect: error TypeError
# cpython: same
range(1.5)
