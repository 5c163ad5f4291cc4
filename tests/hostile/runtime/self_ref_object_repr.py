# expect: ok
# cpython: same
class C:
    def __repr__(self):
        return 'C(%r)' % (self.x,)
c = C()
c.x = [c]
print(repr(c))
