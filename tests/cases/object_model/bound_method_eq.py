# Bound methods compare equal when bound to the same object and the same function.
class A:
    def f(self):
        return 1

    def g(self):
        return 2


a, b = A(), A()
print(a.f == a.f, a.f != a.f, a.f is a.f)
print(a.f == b.f, a.f == a.g, a.f != b.f)
print(hash(a.f) == hash(a.f))
d = {a.f: "af"}
print(d[a.f], a.f in d, b.f in d)
print(len({a.f, a.f, b.f}))

l, m = [], []
print(l.append == l.append, l.append == m.append, l.append == l.extend)
print(hash(l.append) == hash(l.append))
print({l.append: 1}[l.append])
print([].append == [].append)
print(A.f == A.f, len == len)
