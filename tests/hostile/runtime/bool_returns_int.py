# expect: error TypeError
# cpython: same
class C:
    def __bool__(self):
        return 1
bool(C())
