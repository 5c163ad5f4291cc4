# expect: error TypeError
# cpython: same
class C:
    __call__ = 5
C()()
