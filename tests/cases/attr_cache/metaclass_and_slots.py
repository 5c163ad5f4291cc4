# Metaclass attributes, class-level lookups and __slots__ with a cache in between.
class Meta(type):
    tag = "meta tag"
    def describe(cls):
        return "Meta.describe " + cls.__name__

class C(metaclass=Meta):
    pass

for _ in range(3):
    print(C.tag, C.describe())

Meta.tag = "new meta tag"
print(C.tag)
C.tag = "class tag"
print(C.tag)
del C.tag
print(C.tag)
Meta.describe = lambda cls: "patched " + cls.__name__
print(C.describe())
# A property added to the metaclass later is seen through the class.
print(hasattr(C, "prop"))
Meta.prop = property(lambda cls: "meta property " + cls.__name__)
print(C.prop)
del Meta.prop
print(hasattr(C, "prop"))

# __slots__ members keep working after unrelated class writes.
class S:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1

s = S()
for i in range(3):
    S.other = i
    print(s.a, S.other)
try:
    s.b
except AttributeError as e:
    print("AttributeError", e)
s.b = 2
print(s.a, s.b)
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError", e)

# A subclass made after its base's lookups were cached sees the base's later changes.
class Base:
    x = "base"

print(Base().x)
class Sub(Base):
    pass

print(Sub().x)
Base.x = "changed"
print(Sub().x, Base().x)

# Class attributes written through a subclass's classmethod.
class Reg:
    items = ()
    @classmethod
    def add(cls, v):
        cls.items = cls.items + (v,)

class Reg2(Reg):
    pass

r = Reg2()
Reg.add(1)
print(r.items, Reg2.items)
Reg2.add(2)
print(r.items, Reg.items)

# __class__ and __bases__ assignment would invalidate too, but are not tested here (gilvm does
# not support them).
