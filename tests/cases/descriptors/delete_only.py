class DelOnly:
    def __delete__(self, obj):
        print("DelOnly.__delete__")


class GetSet:
    def __get__(self, obj, t=None):
        return 1

    def __set__(self, obj, v):
        pass


class C:
    a = DelOnly()
    b = GetSet()


c = C()
del c.a
print(type(c.a).__name__)
try:
    c.a = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del c.b
except AttributeError as e:
    print("AttributeError:", e)
c.b = 5
print(c.b)
