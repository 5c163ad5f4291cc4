# C3 method resolution order: diamonds, mixins, __mro__, mro(), __bases__, __base__.


class A:
    def who(self):
        return "A"

    def hello(self):
        return "hello from A"


class B(A):
    def who(self):
        return "B"


class C(A):
    def who(self):
        return "C"

    def hello(self):
        return "hello from C"


class D(B, C):
    pass


def names(classes):
    return [c.__name__ for c in classes]


print(names(D.__mro__))
print(names(D.mro()))
print(names(D.__bases__), D.__base__.__name__)
print(D().who(), D().hello())
print(isinstance(D(), C), issubclass(D, A), issubclass(D, (int, C)))
print(isinstance(D(), (int, str)), isinstance(3, (str, int)))


# The classic example from the C3 paper.
class O:
    pass


class F(O):
    pass


class E(O):
    pass


class Dd(O):
    pass


class Cc(Dd, F):
    pass


class Bb(Dd, E):
    pass


class Aa(Bb, Cc):
    pass


print(names(Aa.__mro__))


# Mixins with a built-in base.
class JsonMixin:
    def to_json(self):
        return "{" + ", ".join(f'"{k}": {v!r}' for k, v in sorted(vars(self).items())) + "}"


class ReprMixin:
    def __repr__(self):
        return f"<{type(self).__name__} {self.to_json()}>"


class Point(ReprMixin, JsonMixin):
    def __init__(self, x, y):
        self.x, self.y = x, y


p = Point(1, 2)
print(p.to_json(), repr(p))
print(names(Point.__mro__))


class Counted(dict, JsonMixin):
    pass


c = Counted(a=1)
c["b"] = 2
print(sorted(c.items()), isinstance(c, dict), names(Counted.__mro__))


class Tagged(JsonMixin, int):
    pass


t = Tagged(5)
print(t + 1, names(Tagged.__mro__), t.to_json())


# Attribute lookup, properties and dunders follow the MRO.
class Sized:
    def __len__(self):
        return 42

    @property
    def kind(self):
        return "sized"


class Addable:
    def __add__(self, other):
        return f"add {other}"

    def __eq__(self, other):
        return isinstance(other, Addable)

    __hash__ = object.__hash__


class Both(Sized, Addable):
    pass


b = Both()
print(len(b), b + 1, b.kind, b == Both(), b != Both())


# Class attributes set later are seen through the MRO.
A.late = "late"
print(D.late, D().late)
B.late = "B late"
print(D.late, D().late)
del B.late
print(D().late)


# Exceptions with several bases.
class NotFound(KeyError, ValueError):
    pass


try:
    raise NotFound("k")
except ValueError as e:
    print("caught as ValueError:", repr(e), names(type(e).__mro__))
try:
    raise NotFound("k")
except LookupError as e:
    print("caught as LookupError:", e)

print(type.mro(int) == list(int.__mro__), names(bool.__mro__))
print(D.__qualname__, D.__module__, D.__name__)


class Outer:
    class Inner(A, object):
        pass


print(Outer.Inner.__qualname__, names(Outer.Inner.__mro__))
print(names(A.__subclasses__()))


# Hashing follows the MRO too: int's __hash__ comes before the mixin's __eq__.
class EqMixin:
    def __eq__(self, o):
        return True


class HInt(int, EqMixin):
    pass


class IntH(EqMixin, int):
    pass


print(hash(HInt(7)))
try:
    hash(IntH(7))
except TypeError as e:
    print("TypeError:", e)
