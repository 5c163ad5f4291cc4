# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, lookups, aliases, iteration,
# methods on members, reprs and errors as CPython 3.11's.
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return f'{self.name.lower()} is {self.value}'

    @property
    def warm(self):
        return self is Color.RED


print(Color.RED, repr(Color.GREEN), Color(3), Color['BLUE'], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED.describe(), Color.RED.warm, Color.BLUE.warm)
print(Color.RED.name, Color.RED.value, type(Color.RED).__name__, isinstance(Color.RED, Color))
print(list(Color.__members__), Color.RED == Color.RED, Color.RED == 1, repr(Color))
print({Color.RED: 'r'}[Color.CRIMSON], Color.RED in Color, f'{Color.GREEN}')
for bad in (lambda: Color(7), lambda: Color['PINK']):
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)


class Level(IntEnum):
    LOW = auto()
    MID = auto()
    HIGH = auto()


print(Level.MID, repr(Level.HIGH), Level.LOW + 1, Level.HIGH > Level.LOW, Level(2), sorted(
    [Level.HIGH, Level.LOW]), Level.MID == 2, f'{Level.HIGH:>4}', int(Level.HIGH))


class Mode(StrEnum):
    READ = auto()
    WRITE = 'w'


print(Mode.READ, repr(Mode.WRITE), Mode.READ.upper(), Mode('w'), Mode.READ == 'read')


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(rw), bool(Perm(0)), repr(Perm(0)))
print(repr(~Perm.R), rw & Perm.W, Perm(7), len(rw))


class Bits(IntFlag):
    A = 1
    B = 2


print(Bits.A | Bits.B, repr(Bits.A | Bits.B), Bits.A | 4, repr(Bits.B), Bits.A + 1)


class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


print(Planet.MARS.mass, Planet.EARTH.value, Planet((6.42e23, 3.39e6)))
Shape = Enum('Shape', 'CIRCLE SQUARE')
print(list(Shape), Shape.SQUARE.value)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print('ValueError', e)
match Color.GREEN:
    case Color.RED:
        print('red')
    case Color.GREEN:
        print('green')
try:
    class More(Color):
        PINK = 4
except TypeError as e:
    print('TypeError', e)
