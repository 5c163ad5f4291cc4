# expect: error RecursionError
# cpython: same
class C:
    @property
    def p(self):
        return self.p
C().p
