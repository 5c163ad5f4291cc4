# expect: error KeyError
# cpython: same
class C:
    def __getattribute__(self, n):
        raise KeyError(n)
C().x
