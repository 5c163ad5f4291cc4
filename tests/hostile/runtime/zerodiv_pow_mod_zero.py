# expect: error ValueError
# cpython: same
pow(2, 3, 0)
