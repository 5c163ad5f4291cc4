# Results of |, &, -, ^ are built the way CPython builds them.
a = set(range(0, 40, 3))
b = set(range(0, 40, 5))
print(a | b)
print(a & b)
print(b & a)
print(a - b)
print(b - a)
print(a ^ b)
print(b ^ a)
c = {1, 17, 33, 49, 2}
d = {17, 65, 2, 81}
print(c | d, d | c)
print(c & d, d & c)
print(c - d, d - c)
print(c ^ d, d ^ c)
small = {100, 1}
print(set(range(200)) - small == set(range(200)) - {1, 100})
print(list(set(range(50)) - {1, 2}) [:6])
