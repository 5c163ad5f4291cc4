# expect: error TypeError
# cpython: same
len()
