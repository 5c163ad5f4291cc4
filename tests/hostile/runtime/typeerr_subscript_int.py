# expect: error TypeError
# cpython: same
5[0]
