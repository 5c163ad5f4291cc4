# expect: error ValueError
# cpython: same
[1, 2][::0]
