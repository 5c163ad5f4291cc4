# expect: error ValueError
# cpython: same
[1].index(2)
