# expect: error RecursionError
# cpython: same
class C:
    def __eq__(self, o):
        return [self] == [o]
print(C() in [C()])
