# expect: error ValueError
# cpython: same
class C:
    def __len__(self):
        return -1
len(C())
