# expect: error TypeError
# cpython: same
class C:
    def __len__(self):
        return 'a'
len(C())
