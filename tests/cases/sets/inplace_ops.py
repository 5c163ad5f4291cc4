# |=, &=, -=, ^= update the set the way CPython does.
s = {5, 13, 21}
s |= {29, 37, 1}
print(s)
s &= {1, 13, 37, 45}
print(s)
s -= {13}
print(s)
s ^= {2, 37, 10}
print(s)
t = set(range(30))
t -= set(range(0, 30, 2))
print(t)
t.add(40)
print(t)
u = {3, 4}
u |= u
print(u)
u ^= u
print(u)
