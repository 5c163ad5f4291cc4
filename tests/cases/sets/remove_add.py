# Deletions leave dummies that later additions reuse.
s = {1, 9}
s.discard(1)
s.add(17)
s.add(1)
print(s)
t = set(range(10))
for i in range(0, 10, 2):
    t.remove(i)
for i in (16, 24, 32, 40):
    t.add(i)
print(t)
u = set(range(100))
for i in range(90):
    u.discard(i)
print(u)
u.add(5)
u.add(300)
print(u)
v = set()
for i in range(50):
    v.add(i * 8)
    if i % 3 == 0:
        v.discard(i * 4)
print(v)
