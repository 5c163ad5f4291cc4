# __slots__: no instance __dict__, member descriptors, inheritance, '__dict__' in slots.


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


p = P(3, -4)
print(p.x, p.y, p.norm1())
p.x = 10
print(p.x)
def set_z():
    p.z = 1


for attempt in (set_z, lambda: p.__dict__, lambda: vars(p)):
    try:
        attempt()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
print(P.x, type(P.x).__name__, P.__slots__)
print(hasattr(p, "__dict__"), "x" in P.__dict__)


class Q:
    __slots__ = ["a"]


q = Q()
try:
    q.a
except AttributeError as e:
    print("unset:", e)
q.a = 1
del q.a
try:
    del q.a
except AttributeError as e:
    print("del unset:", e)
print(hasattr(q, "a"), getattr(q, "a", "default"))


class Base:
    __slots__ = ("a",)


class Derived(Base):
    __slots__ = ("b",)


d = Derived()
d.a, d.b = 1, 2
print(d.a, d.b)
try:
    d.c = 3
except AttributeError as e:
    print(e)


class Free(Base):
    pass


f = Free()
f.a = 1
f.other = 2
print(f.a, f.other, f.__dict__)


class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)


class Single:
    __slots__ = "only"


s = Single()
s.only = "yes"
print(s.only, Single.__slots__)
try:
    s.other = 1
except AttributeError as e:
    print(e)


class WithProp:
    __slots__ = ("_v",)

    @property
    def v(self):
        return self._v * 2

    @v.setter
    def v(self, value):
        self._v = value


wp = WithProp()
wp.v = 21
print(wp.v)

try:

    class Conflict:
        __slots__ = ("x",)
        x = 1

except ValueError as e:
    print("ValueError:", e)
