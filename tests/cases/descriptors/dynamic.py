# Descriptors and hooks added or removed after the classes were made.
class D:
    pass


class C:
    d = D()


c = C()
print(type(c.d).__name__)
D.__get__ = lambda self, obj, objtype=None: "now a descriptor"
print(c.d, C.d)
D.__set__ = lambda self, obj, value: print("set", value)
c.__dict__["d"] = "shadow"
print(c.d)
c.d = 1
del D.__set__
print(c.d)
del D.__get__
print(type(c.d).__name__)


class Late:
    pass


class LateChild(Late):
    pass


obj = LateChild()
obj.x = 1
Late.__getattribute__ = lambda self, name: "intercepted " + name
print(obj.x, obj.anything)
del Late.__getattribute__
print(obj.x)
Late.__getattr__ = lambda self, name: "missing " + name
print(obj.x, obj.y)
Late.__setattr__ = lambda self, name, value: print("setattr", name, value)
obj.z = 3
print("z" in obj.__dict__)
del Late.__setattr__
obj.z = 4
print(obj.z)
C.d = property(lambda self: "a property now")
print(c.d)
