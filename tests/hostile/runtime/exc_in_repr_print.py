# expect: error ValueError
# cpython: same
class C:
    def __repr__(self):
        raise ValueError('repr')
print([C()])
