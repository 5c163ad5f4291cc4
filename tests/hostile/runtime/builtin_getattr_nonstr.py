# expect: error TypeError
# cpython: same
getattr(1, 2)
