# expect: error TypeError
# cpython: same
sorted([1, 2], key=1)
