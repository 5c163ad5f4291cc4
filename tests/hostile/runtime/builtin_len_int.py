# expect: error TypeError
# cpython: same
len(1)
