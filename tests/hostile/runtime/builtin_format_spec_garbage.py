# expect: error ValueError
# cpython: same
format(1.5, '%%%%')
