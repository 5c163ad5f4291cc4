# Instances of user classes cross processes as pickle sends them: through __reduce_ex__ /
# __reduce__ (Enum members), else the class by reference plus __getstate__() or the instance
# __dict__ and slots; subclasses of built-in types, namedtuples, dataclasses (frozen too) and
# exceptions keep their class, items and attributes; shared and cyclic instances keep shape.
import collections
import dataclasses
import enum
import multiprocessing as mp


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 3


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


class Stateful:
    def __init__(self, n):
        self.n = n
        self.cache = "big"

    def __getstate__(self):
        return {"n": self.n}

    def __setstate__(self, state):
        self.n = state["n"] * 10
        self.cache = None

    def __repr__(self):
        return f"Stateful({self.n}, {self.cache})"


class Reduced:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a, self.b))

    def __repr__(self):
        return f"Reduced({self.a!r}, {self.b!r})"


Pair = collections.namedtuple("Pair", "left right")


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyInt(int):
    pass


class MyStr(str):
    pass


class MySet(set):
    pass


@dataclasses.dataclass
class Item:
    name: str
    qty: int = 0


@dataclasses.dataclass(frozen=True)
class Frozen:
    key: str
    value: float


class AppError(Exception):
    def __init__(self, code, text):
        super().__init__(code, text)
        self.code = code


def echo(x):
    return x


def relay(inq, outq):
    outq.put(inq.get())


def describe(v):
    out = []
    for x in v:
        d = None if isinstance(x, enum.Enum) else getattr(x, "__dict__", None)
        out.append((type(x).__name__, repr(x), sorted(d.items()) if d else None))
    return out


if __name__ == "__main__":
    ml = MyList([1, 2])
    ml.tag = "t"
    md = MyDict(a=1)
    mi = MyInt(7)
    mi.note = "seven"
    p = Point(1, [2])
    values = [Color.RED, Level.HIGH, p, Stateful(4), Reduced(1, "b"), Pair(1, [2]), ml, md, mi,
              MyStr("s"), MySet({3}), Item("nut", 5), Frozen("k", 1.5), AppError(3, "bad"),
              ValueError("plain"), KeyError("k"), [p, p]]
    with mp.Pool(1) as pool:
        back = pool.apply(echo, (values,))
        for row in describe(back):
            print(row)
        print(back[0] is Color.RED, back[1] is Level.HIGH, back[-1][0] is back[-1][1])
        s = Slotted(5)
        t = pool.apply(echo, (s,))
        print(type(t).__name__, t.a, hasattr(t, "b"))
        c = Point(0, 0)
        c.me = c
        u = pool.apply(echo, (c,))
        print(u.me is u)
        print(pool.apply(echo, (Frozen("z", 2.0),)) == Frozen("z", 2.0))
        try:
            pool.apply(echo, (Frozen("z", 2.0),)).key = 3
        except dataclasses.FrozenInstanceError as e:
            print("FrozenInstanceError", e)
        e = pool.apply(echo, (AppError(5, "x"),))
        print(type(e).__name__, e.args, e.code, str(e))
    inq, outq = mp.Queue(), mp.Queue()
    w = mp.Process(target=relay, args=(inq, outq))
    w.start()
    inq.put(values)
    got = outq.get()
    w.join()
    print(describe(got) == describe(back))
