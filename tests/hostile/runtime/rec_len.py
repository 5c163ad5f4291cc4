# expect: error RecursionError
# cpython: same
class C:
    def __len__(self):
        return len(self)
len(C())
