class P(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    @property
    def y(self):
        return self[1]

    def __repr__(self):
        return f"P(x={self.x}, y={self.y})"


p = P(1, 2)
print(p, p.x, p.y, len(p), p[0], p[-1], p[:1], list(p), tuple(p))
a, b = p
print(a, b, 1 in p, 3 in p, p.count(1), p.index(2))
print(p == (1, 2), (1, 2) == p, p != (1, 3), p < (1, 3), hash(p) == hash((1, 2)))
print(isinstance(p, tuple), isinstance(p, P), type(p).__name__, issubclass(P, tuple))
print(p + (3,), (0,) + p, p * 2, str(p), f"{p}", bool(P(0, 0)))
d = {p: "point"}
print(d[(1, 2)], d[P(1, 2)], {(1, 2): 1}[p])
print(sorted([P(2, 1), P(1, 5), P(1, 2)]))
print(max(P(3, 4), P(3, 1)), sum(P(3, 4)))
print("%s-%s" % (p[0], p[1]))
p.extra = 1
print(p.extra)


class Plain(tuple):
    pass


t = Plain([1, 2, 3])
print(t, repr(t), len(t), type(t).__name__, t == (1, 2, 3), Plain(), Plain("ab"))
try:
    Plain(1, 2)
except TypeError as e:
    print("TypeError:", e)
