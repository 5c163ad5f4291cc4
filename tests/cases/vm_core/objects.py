def t(f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    print(repr(r))

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return "Money(" + str(self.cents) + ")"
    def __format__(self, spec):
        return "$" + format(self.cents / 100, spec or ".2f")
    def __lt__(self, other):
        return self.cents < other.cents
    def __len__(self):
        return self.cents
    def __index__(self):
        return self.cents
    def __round__(self, n=None):
        return "rounded"
    def __abs__(self):
        return Money(abs(self.cents))

m = [Money(300), Money(100), Money(200)]
print(sorted(m), min(m), max(m), sorted(m, reverse=True))
print(f"{Money(1234)}", f"{Money(5):>8.1f}", format(Money(7)), "{:.3f}".format(Money(1)))
print(len(Money(4)), hex(Money(255)), bin(Money(3)), [10, 20, 30][Money(1)] if False else "skip", round(Money(1)), abs(Money(-5)))
print(isinstance(m[0], Money), isinstance(m[0], (int, Money)), isinstance(1, (str, (list, int))), issubclass(Money, object))
t(lambda: isinstance(1, 2))
t(lambda: issubclass(1, int))
class Plain:
    pass
p = Plain()
setattr(p, "x", 5)
print(getattr(p, "x"), hasattr(p, "x"), hasattr(p, "y"), getattr(p, "y", "dflt"), vars(p))
delattr(p, "x")
print(hasattr(p, "x"))
t(lambda: delattr(p, "x"))
t(lambda: getattr(p, "y"))
t(lambda: getattr(p, 1))
t(lambda: format(p, "x"))
print(format(3, ""), callable(p), callable(Plain), callable(print), callable(1))
class Seq:
    def __init__(self):
        self.items = [1, 2, 3]
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
print(list(reversed(Seq())), list(Seq()), sum(Seq()), sorted(Seq(), reverse=True))
class Rev:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Rev())))
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print(list(It()), next(It()), list(zip(It(), "ab")), dict(zip("abc", It())))
class WithDict:
    def keys(self):
        return ["a", "b"]
    def __getitem__(self, k):
        return k.upper()
print(dict(WithDict()))
print(type(p).__name__, type(1) is int, type("") == str, type(None).__name__, int.__name__)
print(repr(type(p)) == "<class '__main__.Plain'>", str(Money(3)))
print(sorted(["b", "a"], key=lambda s: Money(ord(s))))
t(lambda: sorted([Plain(), Plain()]))
print(dir(p) == sorted(dir(p)), "x" not in dir(p))
print(id(p) == id(p), id(p) != id(Plain()))
print(hash(p) == hash(p))
T = type("T", (), {"v": 3})
print(T.v, T().v, type(T()).__name__)
