# expect: error ValueError
# cpython: same
min([])
