# expect: error RecursionError
# cpython: same
class C:
    def __iter__(self):
        return iter(self)
list(C())
