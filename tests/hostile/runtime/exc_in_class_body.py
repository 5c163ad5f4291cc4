# expect: error ValueError
# cpython: same
class C:
    raise ValueError('body')
