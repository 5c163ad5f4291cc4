# Cooperative super() through the MRO: diamonds, **kwargs chains, classmethods, two-arg form.


class Base:
    def __init__(self, **kw):
        print("Base", sorted(kw))
        super().__init__()

    def greet(self):
        return ["Base"]


class Left(Base):
    def __init__(self, left=None, **kw):
        print("Left", left)
        super().__init__(**kw)

    def greet(self):
        return ["Left"] + super().greet()


class Right(Base):
    def __init__(self, right=None, **kw):
        print("Right", right)
        super().__init__(**kw)

    def greet(self):
        return ["Right"] + super().greet()


class Bottom(Left, Right):
    def __init__(self, **kw):
        print("Bottom")
        super().__init__(**kw)

    def greet(self):
        return ["Bottom"] + super().greet()


b = Bottom(left=1, right=2, extra=3)
print(b.greet())
print(super(Left, b).greet())
print(super(Bottom, b).greet())


class Registry:
    items = []

    @classmethod
    def create(cls, name):
        obj = cls.__new__(cls)
        obj.name = name
        cls.items.append(name)
        return obj


class Special(Registry):
    @classmethod
    def create(cls, name):
        obj = super().create(name.upper())
        obj.special = True
        return obj


s = Special.create("x")
print(type(s).__name__, s.name, s.special, Registry.items)


class LoggingDict(dict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)


class Mixin:
    def describe(self):
        return "mixin:" + super().describe()


class Core:
    def describe(self):
        return "core"


class Combined(Mixin, Core):
    pass


print(Combined().describe())
d = LoggingDict()
d["a"] = 1
print(d)


# super() with properties and in a nested function via __class__.
class P:
    @property
    def value(self):
        return 1


class Q(P):
    @property
    def value(self):
        return super().value + 10

    def later(self):
        def inner():
            return __class__.__name__

        return inner()


print(Q().value, Q().later())


class Shape:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.registered = True


class Square(Shape):
    pass


print(Square.registered)
print(repr(super(Q, Q())).startswith("<super"), isinstance(super(Q, Q()), super))

try:
    super(Q, 5)
except TypeError as e:
    print("TypeError:", e)
