# expect: error TypeError
# cpython: same
class M:
    def __exit__(self, *a):
        pass
with M():
    pass
