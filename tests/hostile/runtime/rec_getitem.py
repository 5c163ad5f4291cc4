# expect: error RecursionError
# cpython: same
class C:
    def __getitem__(self, i):
        return self[i]
C()[0]
