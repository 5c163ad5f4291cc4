# expect: error TypeError
# cpython: same
class C:
    pass
C()()
