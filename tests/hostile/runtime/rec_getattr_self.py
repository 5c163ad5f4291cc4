# expect: error RecursionError
# cpython: same
class C:
    def __getattr__(self, n):
        return self.missing
C().a
