a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(x, y), z = (1, 2), 3
print(x, y, z)
[p, q] = "pq"
print(p, q)
for key, value in {"k1": 1, "k2": 2}.items():
    print(key, value)
for i, (m, n) in enumerate([(1, 2), (3, 4)]):
    print(i, m, n)
t = 1,
print(t, type(t).__name__)
(single,) = [42]
print(single)
