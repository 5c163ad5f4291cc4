# __get__ receives (descriptor, instance or None, owner); inheritance and super() use it too.
class Show:
    def __get__(self, obj, objtype=None):
        return (type(obj).__name__, objtype.__name__ if objtype else None)


class Base:
    attr = Show()


class Child(Base):
    def via_super(self):
        return super().attr


print(Base.attr)
print(Base().attr)
print(Child.attr)
print(Child().attr)
print(Child().via_super())
print(getattr(Child(), "attr"))
print(hasattr(Child, "attr"))


class Raising:
    def __get__(self, obj, objtype=None):
        raise AttributeError("nope")


class WithFallback:
    r = Raising()

    def __getattr__(self, name):
        return "fallback for " + name


print(WithFallback().r)
print(hasattr(WithFallback(), "r"))


class NoFallback:
    r = Raising()


print(hasattr(NoFallback(), "r"), getattr(NoFallback(), "r", "default"))
try:
    NoFallback().r
except AttributeError as e:
    print("AttributeError:", e)
