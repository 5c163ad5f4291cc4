# expect: error RecursionError
# cpython: same
class C:
    def __lt__(self, o):
        return self < o
sorted([C(), C()])
