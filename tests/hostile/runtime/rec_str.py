# expect: error RecursionError
# cpython: same
class C:
    def __str__(self):
        return str(self)
print(C())
