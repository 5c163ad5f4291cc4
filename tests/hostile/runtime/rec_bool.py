# expect: error RecursionError
# cpython: same
class C:
    def __bool__(self):
        return bool(self)
if C():
    pass
