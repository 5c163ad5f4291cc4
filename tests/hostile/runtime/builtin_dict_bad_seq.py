# expect: error TypeError
# cpython: same
dict([1, 2])
