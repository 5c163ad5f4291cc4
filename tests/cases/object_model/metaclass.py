# Metaclasses: metaclass=, type(name, bases, ns), __new__/__init__/__call__/__prepare__,
# inheritance of the metaclass, class keyword arguments, methods and properties on the metaclass.


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcs, name, bases, ns)
        cls.created_by = "Meta"
        return cls

    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, kw)
        super().__init__(name, bases, ns)

    def describe(cls):
        return f"class {cls.__name__} made by {type(cls).__name__}"

    @property
    def upper_name(cls):
        return cls.__name__.upper()


class Plugin(metaclass=Meta):
    def run(self):
        return "run"


class Child(Plugin, flavour="spicy"):
    def run(self):
        return "child " + super().run()


print(type(Plugin).__name__, type(Child) is Meta, Child.created_by)
print(Child.describe(), Child.upper_name, Child().run())
print(isinstance(Child, Meta), isinstance(Child, type), issubclass(Meta, type))
print([c.__name__ for c in type(Child).__mro__])


# Singleton through __call__.
class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, value):
        print("Config init", value)
        self.value = value


a = Config(1)
b = Config(2)
print(a is b, a.value, b.value)


# __prepare__ returning a custom mapping that records the order of definitions.
class Recorder(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.order.append(key)
        super().__setitem__(key, value)


class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return Recorder()

    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, dict(ns))
        cls.order = ns.order
        return cls


class Fields(metaclass=Ordered, tag=1):
    z = 1
    a = 2

    def m(self):
        return 3

    y = z + a


print(Fields.order, Fields.y, Fields().m())


# type() with three arguments, with and without a metaclass.
Dyn = type("Dyn", (Plugin,), {"x": 5, "hello": lambda self: "hi"})
print(type(Dyn).__name__, Dyn.x, Dyn().hello(), Dyn.__name__, [c.__name__ for c in Dyn.__mro__])
Plain = type("Plain", (), {"v": 1})
print(type(Plain) is type, Plain.v, Plain.__module__, Plain.__qualname__)
Made = Meta("Made", (), {"q": 9})
print(Made.q, type(Made).__name__)


# A metaclass that is a function.
def upper_attrs(name, bases, ns):
    return type(name, bases, {k.upper() if not k.startswith("__") else k: v for k, v in ns.items()})


class Shout(metaclass=upper_attrs):
    greeting = "hi"


print(Shout.GREETING, hasattr(Shout, "greeting"))


# __repr__ and __getitem__ on the metaclass.
class Fancy(type):
    def __repr__(cls):
        return f"<fancy {cls.__name__}>"

    def __getitem__(cls, item):
        return f"{cls.__name__}[{item}]"

    def __len__(cls):
        return 7


class F(metaclass=Fancy):
    pass


print(repr(F), F, F[3], len(F))
print(type(F))


# Registration in a metaclass __init__.
registry = {}


class Registered(type):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if bases:
            registry[name] = cls


class Handler(metaclass=Registered):
    pass


class JsonHandler(Handler):
    pass


class XmlHandler(Handler):
    pass


print(sorted(registry))


# The most derived metaclass wins.
class MetaA(type):
    pass


class MetaB(MetaA):
    pass


class X(metaclass=MetaA):
    pass


class Y(metaclass=MetaB):
    pass


class Z(X, Y):
    pass


print(type(Z).__name__)


class W(Y, metaclass=MetaA):
    pass


print(type(W).__name__)


# __prepare__ returning a mapping that is not a dict; the body's __class__ cell travels in it.
class NS:
    def __init__(self):
        self.d = {}
        self.log = []

    def __setitem__(self, k, v):
        self.log.append(k)
        self.d[k] = v

    def __getitem__(self, k):
        return self.d[k]

    def keys(self):
        return self.d.keys()


class Logged(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return NS()

    def __new__(mcs, name, bases, ns):
        print("log", ns.log)
        return super().__new__(mcs, name, bases, dict(ns))


class K(metaclass=Logged):
    a = 1
    b = a + 1

    def f(self):
        return __class__


print(K.b, K().f() is K, type(K).__name__)
