# expect: error RecursionError
# cpython: same
class C:
    def __hash__(self):
        return hash(self)
{C(): 1}
