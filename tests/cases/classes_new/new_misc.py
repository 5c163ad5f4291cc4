# Raising a class with __new__, inherited descriptor methods added later, __new__ replaced
# and removed, __getattribute__ and __eq__ on built-in subclasses.
class E(Exception):
    def __new__(cls, *args):
        print("E.__new__", args)
        return super().__new__(cls, *args)
try:
    raise E
except E as e:
    print("caught", repr(e), e.args)
try:
    raise E("x") from None
except E as e:
    print("caught", repr(e))
class DBase:
    pass
class D(DBase):
    pass
class C:
    d = D()
print(type(C().d).__name__)
DBase.__get__ = lambda self, o, t: "inherited get"
print(C().d, C.d)
class K:
    def __new__(cls, a, *, b=2):
        self = super().__new__(cls)
        self.s = a + b
        return self
print(K(1).s, K(1, b=5).s)
try:
    K()
except TypeError as e:
    print(e)
K.__new__ = staticmethod(lambda cls, *a, **k: "replaced")
print(K(1))
del K.__new__
print(type(K()).__name__)
class P(tuple):
    def __new__(cls, *xs):
        return super().__new__(cls, xs)
    def __getattribute__(self, n):
        if n == "first":
            return self[0]
        return super().__getattribute__(n)
p = P(4, 5)
print(p.first, p.count(4), p, len(p))
class Meta(dict):
    x = property(lambda self: self.get("x", "nox"))
m = Meta(x=1)
print(m.x, Meta().x)
class Q(list):
    def __init__(self, n):
        super().__init__(range(n))
        self.n = n
    def __eq__(self, other):
        return "custom eq"
q = Q(3)
print(q, q == [0, 1, 2], q != [0], q.n, [0, 1, 2] == q)
try:
    hash(q)
except TypeError as e:
    print(e)
class H(str):
    def __hash__(self):
        return 7
h = H("a")
print(hash(h), {h: 1}.get("a"), h == "a")
