class Flag(int):
    def __repr__(self):
        return f"Flag({int(self)})"


f = Flag(5)
print(f, repr(f), str(f), f + 1, 1 + f, f * 2, -f, f // 2, f % 3, f ** 2, f == 5, 5 == f)
print(f < 6, f > 4, hash(f) == hash(5), bool(Flag(0)), int(f), float(f), type(f + 1).__name__)
print([10, 20, 30, 40, 50, 60][f], range(10)[f], list(range(f)), f"{f}", f"{f:03d}", "%d" % f)
print(isinstance(f, int), type(f).__name__, {5: "five"}[f], {f: 1}[5], abs(Flag(-3)))
print(f & 4, f | 2, f >> 1, f << 1, ~f, divmod(f, 2), round(f), max(f, 3), min(f, 3))


class Celsius(float):
    def __new__(cls, degrees):
        if degrees < -273.15:
            raise ValueError("below absolute zero")
        return super().__new__(cls, degrees)

    def to_f(self):
        return self * 9 / 5 + 32


c = Celsius(100)
print(c, c.to_f(), c + 1, round(c), int(c), f"{c:.1f}", isinstance(c, float), type(c).__name__)
try:
    Celsius(-300)
except ValueError as e:
    print("ValueError:", e)


class Id(int):
    pass


print(Id(), Id("12"), Id("ff", 16), Id(3.9), sorted([Id(3), Id(1), 2]))


class Even(int):
    def __new__(cls, n):
        return super().__new__(cls, n - n % 2)

    def __add__(self, other):
        return Even(int(self) + int(other))


e = Even(7)
print(e, type(e).__name__, e + 3, type(e + 3).__name__, 3 + e, type(3 + e).__name__)
