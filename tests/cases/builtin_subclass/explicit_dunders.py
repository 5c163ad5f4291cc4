# Built-in dunders called explicitly: str.__mod__/__rmod__/__format__/__getnewargs__, int and
# float __format__, and the protocol dunders of str, int, list and dict.
tests = [
    lambda: "%d-%s".__mod__((5, "a")), lambda: "x".__format__("^5"), lambda: "ab".__getnewargs__(),
    lambda: "a".__rmod__("b"), lambda: str.__mod__("%s", 1), lambda: "ab".__len__(), lambda: "ab".__contains__("a"),
    lambda: "ab".__getitem__(1), lambda: "ab".__add__("c"), lambda: "ab".__mul__(2), lambda: "ab".__hash__() == hash("ab"),
    lambda: "ab".__eq__("ab"), lambda: "ab".__lt__("b"), lambda: "ab".__iter__().__next__(), lambda: "ab".__str__(), lambda: "ab".__repr__(),
    lambda: (1).__add__(2), lambda: (1).__radd__(2), lambda: [1].__len__(), lambda: {1: 2}.__getitem__(1), lambda: (3).__index__(),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)


class Money(int):
    def __str__(self):
        return f"${int(self)}"


class Tag(str):
    pass


m = Money(5)
print(format(m), format(m, "04d"), f"{m}|{m:>4}", Tag("ab").__format__(">4"), f"{Tag('x'):*^5}")
try:
    (5).__format__(3)
except TypeError as e:
    print("TypeError", e)
