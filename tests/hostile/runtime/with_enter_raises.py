# expect: error OSError
# cpython: same
class M:
    def __enter__(self):
        raise OSError('enter')
    def __exit__(self, *a):
        pass
with M():
    pass
