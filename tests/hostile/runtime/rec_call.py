# expect: error RecursionError
# cpython: same
class C:
    def __call__(self):
        return self()
C()()
