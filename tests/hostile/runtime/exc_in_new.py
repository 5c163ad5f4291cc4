# expect: error KeyError
# cpython: same
class C:
    def __new__(cls):
        raise KeyError('new')
C()
