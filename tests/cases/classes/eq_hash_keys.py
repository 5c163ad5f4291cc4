# Instances of a class with __eq__ and __hash__ as dict keys and set members: equal instances
# are one key (CPython calls __eq__ only for keys of equal hash), in every way a key gets in.
class P:
    calls = 0

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        P.calls += 1
        return isinstance(other, P) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"P({self.x}, {self.y})"


d = {P(1, 2): "a"}
d[P(1, 2)] = "b"
d[P(3, 4)] = "c"
print(d, len(d), d[P(1, 2)], P(1, 2) in d, P(9, 9) in d, d.get(P(3, 4)), d.get(P(0, 0), "-"))
print(d.setdefault(P(1, 2), "z"), d.pop(P(3, 4)), d)
del d[P(1, 2)]
print(d)
try:
    d[P(5, 5)]
except KeyError as e:
    print("KeyError", e)
s = {P(1, 1)}
s.add(P(1, 1))
s.add(P(2, 2))
print(sorted(s, key=lambda p: p.x), P(2, 2) in s)
s.discard(P(2, 2))
s.remove(P(1, 1))
print(s)
pts = [P(i % 3, 0) for i in range(9)]
print(len(set(pts)), len({p for p in pts}), len({p: 1 for p in pts}), len(dict.fromkeys(pts)))
print(len(dict([(p, 1) for p in pts])), P(0, 0) in {p: 1 for p in pts}.keys())


class Collide:
    """Every instance hashes alike: __eq__ decides, and an exception in it propagates."""

    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        if self.v == "boom" or getattr(other, "v", None) == "boom":
            raise ValueError("eq failed")
        return isinstance(other, Collide) and self.v == other.v

    def __hash__(self):
        return 7


c = {Collide(1): 1, Collide(2): 2, Collide(1): 3}
print(sorted(v.v for v in c), c[Collide(2)])
try:
    c[Collide("boom")]
except ValueError as e:
    print("ValueError", e)


from dataclasses import dataclass


@dataclass(frozen=True)
class Pt:
    x: int
    y: int


print({Pt(1, 2): 1}[Pt(1, 2)], len({Pt(0, 0), Pt(0, 0), Pt(0, 1)}))
