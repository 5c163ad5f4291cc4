# expect: error TypeError
# cpython: same
list(map(1, [1]))
