# expect: error TypeError
# cpython: same
class C:
    def __iter__(self):
        return 1
for x in C():
    pass
