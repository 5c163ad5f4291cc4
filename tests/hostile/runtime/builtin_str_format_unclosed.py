# expect: error ValueError
# cpython: same
'{'.format()
