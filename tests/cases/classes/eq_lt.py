class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return f"v{self.major}.{self.minor}"

a, b, c = Version(1, 2), Version(1, 10), Version(1, 2)
print(a == c, a != b, a == b, a is c)
print(a < b, b < a, b > a)
print(sorted([Version(2, 0), b, a, Version(0, 9)]))
print(min([b, a]), max([a, b]))
print(a in [b, c], [a, b].index(c))
class Plain:
    pass
x = Plain()
print(x == x, x == Plain(), x != Plain())
