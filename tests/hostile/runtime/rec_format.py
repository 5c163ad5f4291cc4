# expect: error RecursionError
# cpython: same
class C:
    def __format__(self, s):
        return format(self, s)
f'{C()}'
