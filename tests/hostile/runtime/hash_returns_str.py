# expect: error TypeError
# cpython: same
class C:
    def __hash__(self):
        return 'a'
hash(C())
