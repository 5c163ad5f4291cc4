# expect: error ValueError
# cpython: same
range(1, 2, 0)
