# expect: error ValueError
# cpython: same
class C:
    def __init__(self):
        raise ValueError('init')
C()
