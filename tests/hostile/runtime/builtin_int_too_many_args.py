# expect: error TypeError
# cpython: same
int(1, 2, 3)
