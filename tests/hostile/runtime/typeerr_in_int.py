# expect: error TypeError
# cpython: same
1 in 5
