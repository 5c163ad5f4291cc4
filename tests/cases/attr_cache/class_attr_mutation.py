# Class attributes assigned, replaced and deleted after instance lookups were cached.
class A:
    x = 1

class B(A):
    pass

class C(B):
    pass

c = C()
b = B()
for _ in range(3):
    print(c.x, b.x, C.x)
A.x = 2
print(c.x, b.x, C.x)
B.x = 3
print(c.x, b.x, A.x)
C.x = 4
print(c.x, b.x, A.x)
del C.x
print(c.x)
del B.x
print(c.x, b.x)
del A.x
try:
    c.x
except AttributeError as e:
    print("AttributeError", e)
A.x = 5
print(c.x)

# A name missing everywhere, then added on the base.
for _ in range(2):
    print(hasattr(c, "late"))
A.late = "now"
print(hasattr(c, "late"), c.late)

# An instance attribute shadows a plain class attribute, and unshadows on delete.
c.x = "inst"
print(c.x)
del c.x
print(c.x)

# A class attribute changed in a loop (the cache is invalidated each time).
class Counter:
    n = 0

k = Counter()
for i in range(5):
    Counter.n += 1
    print(k.n, end=" ")
print()

# Unrelated class writes do not disturb other classes' results.
class Other:
    pass

for i in range(3):
    Other.v = i
    print(c.x, Other.v, Other().v)
