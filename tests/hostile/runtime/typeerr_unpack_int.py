# expect: error TypeError
# cpython: same
a, b = 5
