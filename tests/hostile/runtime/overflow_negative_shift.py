# expect: error ValueError
# cpython: same
x = 1 << -1
