# expect: error TypeError
# cpython: same
class C:
    def __eq__(self, o):
        raise TypeError('eq')
print(C() in [1])
