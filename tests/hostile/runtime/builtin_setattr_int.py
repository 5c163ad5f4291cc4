# expect: error AttributeError
# cpython: same
setattr(1, 'x', 2)
