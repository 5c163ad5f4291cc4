# expect: error KeyError
# cpython: same
class C:
    def __iter__(self):
        return self
    def __next__(self):
        raise KeyError('k')
list(C())
