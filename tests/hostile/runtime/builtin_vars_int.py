# expect: error TypeError
# cpython: same
vars(1)
