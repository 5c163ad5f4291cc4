# expect: error TypeError
# cpython: same
None % 1
