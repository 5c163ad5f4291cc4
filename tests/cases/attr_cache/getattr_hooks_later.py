# __getattr__ / __getattribute__ / __setattr__ added after lookups were cached.
class A:
    pass

class B(A):
    pass

b = B()
b.x = 1
for _ in range(3):
    print(b.x, getattr(b, "missing", "default"))

A.__getattr__ = lambda self, name: "fallback " + name
print(b.x, b.missing)
del A.__getattr__
print(getattr(b, "missing", "default"))

A.__getattribute__ = lambda self, name: "always " + name
print(b.x, b.anything)
del A.__getattribute__
print(b.x)

def setter(self, name, value):
    object.__setattr__(self, name, value * 2)

B.__setattr__ = setter
b.y = 5
print(b.y)
del B.__setattr__
b.y = 5
print(b.y)
