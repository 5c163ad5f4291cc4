# expect: ok
# cpython: same
a = []
b = [a]
a.append(b)
d = {'a': a}
a.append(d)
print(a, b, d)
