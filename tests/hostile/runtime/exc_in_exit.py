# expect: error ValueError
# cpython: same
class M:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise ValueError('exit')
with M():
    pass
