# expect: error TypeError
# cpython: same
class C:
    def __str__(self):
        return None
print(C())
