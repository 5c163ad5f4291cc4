# expect: error TypeError
# cpython: same
issubclass(1, int)
