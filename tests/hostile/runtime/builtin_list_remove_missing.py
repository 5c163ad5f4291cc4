# expect: error ValueError
# cpython: same
[1].remove(2)
