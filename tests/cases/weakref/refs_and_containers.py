import weakref, gc

class C:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"C({self.name})"

o = C("a")
r = weakref.ref(o)
print(r() is o, r is weakref.ref(o) or "fresh", weakref.getweakrefcount(o))
print(type(r).__name__, weakref.ref is weakref.ReferenceType, isinstance(r, weakref.ref))
def cb(wr):
    print("callback", wr is r2, wr())
r2 = weakref.ref(o, cb)
print(weakref.getweakrefcount(o), r == r2, hash(r) == hash(o))
del o
print("after del", r(), r2())
for bad in [1, "s", (1,), [1], {}, None, 1.5, ValueError()]:
    try:
        weakref.ref(bad)
    except TypeError as e:
        print(e)
def f(): pass
rf = weakref.ref(f)
print(rf() is f, weakref.ref(C)() is C, weakref.ref(weakref)() is weakref)
s = {1, 2}
print(weakref.ref(s)() == {1, 2})

class E(Exception): pass
print(weakref.ref(E())() is None)

d = weakref.WeakValueDictionary()
a, b = C("x"), C("y")
d["x"] = a
d["y"] = b
print(sorted(d.keys()), len(d), "x" in d, d.get("x"))
del a
print(sorted(d.keys()), len(d), "x" in d, d.get("x", "gone"))
try:
    d["x"]
except KeyError as e:
    print("KeyError", e)

k = weakref.WeakKeyDictionary()
k1, k2 = C("k1"), C("k2")
k[k1] = 1
k[k2] = 2
print(len(k), k[k1], k1 in k)
del k1
print(len(k), list(k.values()))

ws = weakref.WeakSet()
m1, m2 = C("m1"), C("m2")
ws.add(m1)
ws.add(m2)
ws.add(m1)
print(len(ws), m1 in ws)
del m2
print(len(ws), list(ws))

class Res:
    pass
res = Res()
fin = weakref.finalize(res, print, "finalized", 42)
print(fin.alive)
del res
print(fin.alive)
res2 = Res()
fin2 = weakref.finalize(res2, print, "at exit")
x = C("ex")
def bad_cb(wr):
    raise ValueError("in callback")
rx = weakref.ref(x, lambda wr: print("second"))
ry = weakref.ref(x, lambda wr: print("first"))
del x
print("end")
