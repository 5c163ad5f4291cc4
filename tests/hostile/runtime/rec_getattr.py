# expect: error RecursionError
# cpython: same
class C:
    def __getattr__(self, n):
        return getattr(self, n + 'x')
C().a
