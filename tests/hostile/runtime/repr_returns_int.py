# expect: error TypeError
# cpython: same
class C:
    def __repr__(self):
        return 5
repr(C())
