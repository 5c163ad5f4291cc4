# expect: error AttributeError
# cpython: same
getattr(1, 'x')
