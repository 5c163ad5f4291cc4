# expect: error ValueError
# cpython: same
int('x')
