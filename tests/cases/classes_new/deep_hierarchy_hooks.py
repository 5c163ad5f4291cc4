# A hook set on the root of a 500-class chain reaches the leaf (and is cheap to propagate).
class C0: pass
prev = C0
for i in range(500):
    prev = type("C%d" % (i + 1), (prev,), {})
obj = prev()
C0.__getattr__ = lambda self, n: "deep " + n
print(obj.anything)
del C0.__getattr__
print(hasattr(obj, "anything"))
