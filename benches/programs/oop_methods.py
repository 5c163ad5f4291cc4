# Method-heavy: instantiation with __init__, method calls through self, a subclass calling
# super(), a property, a classmethod and a staticmethod. Used to measure attribute lookup and
# call costs (callgrind instruction counts); prints one checksum.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)

    @classmethod
    def zero(cls):
        return cls(0, 0)

    @staticmethod
    def clamp(v):
        return v % 1000


class Vec3(Vec):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def dot(self, other):
        return super().dot(other) + self.z * other.z


def run(n):
    acc = Vec.zero()
    total = 0
    for i in range(n):
        v = Vec(i, i + 1)
        acc = acc.add(v)
        total += v.dot(acc) % 7 + v.norm1
        total = Vec.clamp(total)
        w = Vec3(i, 2, 3)
        total += w.dot(w) % 5
    return total, acc.x, acc.y


print(run(60000))
