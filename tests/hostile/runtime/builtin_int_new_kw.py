# expect: error TypeError
# cpython: same
int(x=1)
