# Class patterns: keyword attributes, positional through __match_args__, built-ins that match
# themselves, subclasses, nested class patterns.


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Circle:
    def __init__(self, center, r):
        self.center = center
        self.r = r


def where(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point3(0, 0, z):
            return f"on z axis at {z}"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case Circle(center=Point(x=cx, y=cy), r=r):
            return f"circle at {cx},{cy} r {r}"
        case Circle(r=r, nothere=_):
            return "never"
        case _:
            return "not a point"


for p in [Point(0, 0), Point(0, 5), Point(4, 0), Point(3, 3), Point(1, 2), Point3(0, 0, 9),
          Point3(1, 1, 1), Circle(Point(1, 2), 3), 42]:
    print(where(p))


def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int(n):
            return f"int {n}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case list([first, *_]):
            return f"list starting {first}"
        case tuple(t):
            return f"tuple {t}"
        case dict(d):
            return f"dict {d}"
        case _:
            return "other"


for v in [True, -3, 7, 2.5, "s", [1, 2], (1,), {"a": 1}, None, []]:
    print(kind(v))


class MyInt(int):
    pass


match MyInt(5):
    case int(v):
        print("int subclass matches itself", v, type(v).__name__)


class WithProp:
    __match_args__ = ("double",)

    def __init__(self, n):
        self.n = n

    @property
    def double(self):
        return self.n * 2


match WithProp(21):
    case WithProp(42):
        print("property attribute")

match Point(1, 2):
    case Point(1, y=2) as pt:
        print("mixed positional and keyword", pt.x, pt.y)

match [Point(1, 2), Point(3, 4)]:
    case [Point(x=a), Point(y=b)]:
        print("in a list", a, b)
