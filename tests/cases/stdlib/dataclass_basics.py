# dataclasses: generated __init__/__repr__/__eq__/order/hash, defaults and factories,
# frozen, kw_only, __post_init__, fields/asdict/astuple/replace, inheritance, match, errors.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass
from dataclasses import FrozenInstanceError, KW_ONLY
import dataclasses


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(2, 1), Point.__match_args__)
print([f.name for f in fields(Point)], asdict(p), astuple(p), replace(p, y=9))
print(is_dataclass(p), is_dataclass(Point), is_dataclass(3), Point.__hash__)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()


vs = sorted([Version(1, 2), Version(0, 9), Version(1, 0)])
print(vs, Version(1) < Version(1, 1), hash(Version(1)) == hash(Version(1)))
try:
    vs[0].major = 5
except FrozenInstanceError as e:
    print('FrozenInstanceError', e, isinstance(e, AttributeError))


@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)
    total: float = field(init=False, default=0.0)

    def __post_init__(self):
        self.total = self.count * 2.5


a, b = Inventory('a'), Inventory('b', count=4)
a.items.append(1)
print(a, b, b.total, a.items is b.items)


@dataclass
class Base:
    id: int
    label: str = 'base'


@dataclass
class Child(Base):
    extra: list = field(default_factory=lambda: [1])
    _: KW_ONLY
    flag: bool = False


c = Child(7, flag=True)
print(c, [f.name for f in fields(c)], asdict(c))
match c:
    case Child(7, label):
        print('matched', label)


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int


print(Options(level=3))


@dataclass
class Tree:
    value: int
    children: list = field(default_factory=list)


t = Tree(1, [Tree(2), Tree(3, [Tree(4)])])
print(asdict(t))
print(dataclasses.make_dataclass('Pair', [('a', int), ('b', int, field(default=5))])(1))

for bad in (lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=3),
            lambda: replace(p, z=1), lambda: asdict(3), lambda: Options(1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e:
    print('TypeError', e)
try:
    @dataclass
    class Mutable:
        x: list = []
except ValueError as e:
    print('ValueError', e)
