# expect: error ValueError
# cpython: same
bytes(-1)
