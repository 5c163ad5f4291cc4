# expect: error TypeError
# cpython: same
next([1])
