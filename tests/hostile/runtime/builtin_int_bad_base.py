# expect: error ValueError
# cpython: same
int('1', 1)
