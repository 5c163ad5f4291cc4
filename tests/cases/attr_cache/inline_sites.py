# One attribute site seeing several classes, classes dying and new ones taking their place,
# and class changes between two executions of the same site.
def read(o):
    return o.v

def call(o):
    return o.m()

class A:
    v = "A.v"
    def m(self):
        return "A.m"

class B:
    def __init__(self):
        self.v = "B inst"
    def m(self):
        return "B.m"

class C(A):
    pass

objs = [A(), B(), C(), A(), C()]
print([read(o) for o in objs])
print([call(o) for o in objs])

# New classes made in a loop, each used once at the same sites (a dead class's cache entry
# must not be mistaken for a new class at the same address).
out = []
for i in range(20):
    K = type("K", (), {"v": i, "m": lambda self, i=i: i * 10})
    out.append((read(K()), call(K())))
    del K
print(out)

# The site's class gains a property, a method becomes an instance attribute, a base gets a
# data descriptor: each between two runs of the same site.
class D:
    def m(self):
        return "D.m"

d = D()
d.v = "d inst"
print(read(d), call(d))
D.v = property(lambda self: "D property")
print(read(d))
d.m = lambda: "instance callable"
print(call(d))
del d.m
print(call(d))

class E(D):
    pass

e = E()
e.__dict__["v"] = "e inst"
print(read(e))
del D.v
print(read(e))

# __getattr__ set on a class whose site was cached as "missing".
class F:
    pass

def safe(o):
    try:
        return o.nothing
    except AttributeError as err:
        return "AttributeError: " + str(err)

f = F()
print(safe(f))
F.__getattr__ = lambda self, name: "getattr " + name
print(safe(f))
del F.__getattr__
print(safe(f))

# Methods with the same name on a built-in type and on instances at one site.
def up(o):
    return o.upper()

class U:
    def upper(self):
        return "U.upper"

print([up(x) for x in ["a", U(), "b", U()]])
