# expect: error KeyError
# cpython: same
class E(Exception):
    def __init__(self):
        raise KeyError('init')
raise E
