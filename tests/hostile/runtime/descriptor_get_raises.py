# expect: error ValueError
# cpython: same
class D:
    def __get__(self, o, t):
        raise ValueError('get')
class C:
    d = D()
C().d
