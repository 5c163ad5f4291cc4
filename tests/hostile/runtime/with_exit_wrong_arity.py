# expect: error TypeError
# cpython: same
class M:
    def __enter__(self):
        return self
    def __exit__(self):
        pass
with M():
    pass
