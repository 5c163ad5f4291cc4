# expect: error TypeError
# cpython: same
enumerate(1)
