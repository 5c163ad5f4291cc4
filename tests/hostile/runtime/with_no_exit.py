# expect: error TypeError
# cpython: same
class M:
    def __enter__(self):
        return 1
with M():
    pass
