# expect: error AttributeError
# cpython: same
class C:
    def __setattr__(self, k, v):
        raise AttributeError(k)
C().x = 1
