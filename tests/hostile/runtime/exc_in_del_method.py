# expect: ok
class C:
    def __del__(self):
        raise ValueError('del')
c = C()
del c
print('after')
