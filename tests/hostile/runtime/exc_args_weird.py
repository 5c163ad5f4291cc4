# expect: error ValueError
# cpython: same
raise ValueError(*range(100))
