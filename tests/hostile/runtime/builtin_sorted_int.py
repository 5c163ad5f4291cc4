# expect: error TypeError
# cpython: same
sorted(1)
