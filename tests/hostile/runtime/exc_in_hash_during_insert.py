# expect: error ValueError
# cpython: same
class C:
    def __hash__(self):
        raise ValueError('hash')
{C()}
