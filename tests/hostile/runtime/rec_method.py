# expect: error RecursionError
# cpython: same
class C:
    def m(self):
        return self.m()
C().m()
