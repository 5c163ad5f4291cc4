# __init_subclass__ (an implicit classmethod) with class keyword arguments, __set_name__ for
# descriptors, class decorators.


class Plugin:
    plugins = []

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.plugins.append(cls.plugin_name)


class Alpha(Plugin):
    pass


class Beta(Plugin, name="the-beta"):
    pass


class Gamma(Beta):
    pass


print(Plugin.plugins, Beta.plugin_name, Gamma.plugin_name)
print(hasattr(Plugin, "plugin_name"))


# Multiple inheritance: each __init_subclass__ passes the rest on.
class A:
    def __init_subclass__(cls, a=0, **kw):
        print("A hook", cls.__name__, a)
        super().__init_subclass__(**kw)


class B:
    def __init_subclass__(cls, b=0, **kw):
        print("B hook", cls.__name__, b)
        super().__init_subclass__(**kw)


class AB(A, B, a=1, b=2):
    pass


class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")

    def __set__(self, obj, value):
        setattr(obj, self.name, value)


class Model:
    title = Field()
    body = Field()


m = Model()
m.title = "T"
print(m.title, m.body, Model.title.name)


def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"

    cls.__repr__ = __repr__
    return cls


def register(tag):
    def deco(cls):
        cls.tag = tag
        return cls

    return deco


@register("pt")
@add_repr
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


print(Point(1, 2), Point.tag)

try:

    class Bad(A, unknown=1):
        pass

except TypeError as e:
    print("TypeError:", e)
