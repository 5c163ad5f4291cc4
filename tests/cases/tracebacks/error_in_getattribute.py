class C:
    def __getattribute__(self, n):
        raise KeyError(n)


c = C()
print(type(c).__name__)
c.x
