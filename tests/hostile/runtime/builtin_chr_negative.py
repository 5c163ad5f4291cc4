# expect: error ValueError
# cpython: same
chr(-1)
