# expect: error RecursionError
# cpython: same
class C:
    def __add__(self, o):
        return self + o
C() + 1
