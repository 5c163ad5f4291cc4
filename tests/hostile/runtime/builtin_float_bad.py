# expect: error ValueError
# cpython: same
float('x')
