# Methods replaced on a class or a base after calls were cached.
class Base:
    def greet(self):
        return "base"

class Mid(Base):
    pass

class Leaf(Mid):
    pass

o = Leaf()
for _ in range(3):
    print(o.greet())

Base.greet = lambda self: "patched base"
print(o.greet())

Mid.greet = lambda self: "mid"
print(o.greet())

def leaf_greet(self):
    return "leaf " + super(Leaf, self).greet()

Leaf.greet = leaf_greet
print(o.greet())
del Mid.greet
print(o.greet())
del Leaf.greet
print(o.greet())

# setattr / delattr builtins and the method bound via getattr.
setattr(Base, "greet", lambda self: "via setattr")
m = getattr(o, "greet")
print(m())
delattr(Base, "greet")
try:
    o.greet()
except AttributeError as e:
    print("AttributeError", e)

# A method-call site inside a function, hit before and after a patch.
def call(obj):
    return obj.value()

class V:
    def value(self):
        return 1

v = V()
results = []
for i in range(6):
    if i == 3:
        V.value = lambda self: 2
    results.append(call(v))
print(results)

# Dunder methods patched later (operators go through the class).
class N:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return N(self.v + other.v)
    def __repr__(self):
        return f"N({self.v})"

print(N(1) + N(2))
N.__add__ = lambda self, other: N(self.v * 10 + other.v)
print(N(1) + N(2))
N.__repr__ = lambda self: f"<{self.v}>"
print(N(3))

# classmethod and staticmethod installed later.
class K:
    pass

kk = K()
print(hasattr(kk, "make"))
K.make = classmethod(lambda cls: cls.__name__)
K.util = staticmethod(lambda: "static")
print(kk.make(), K.make(), kk.util())
