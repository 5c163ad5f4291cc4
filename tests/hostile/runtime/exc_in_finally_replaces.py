# expect: error ValueError
# cpython: same
try:
    raise KeyError('a')
finally:
    raise ValueError('b')
