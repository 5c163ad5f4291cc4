# expect: error TypeError
# cpython: same
[1] > (1,)
