# AttributeError from __getattribute__ falls back to __getattr__; other errors propagate.
class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise KeyError(name)
        if name.startswith("missing"):
            raise AttributeError("custom message for " + name)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        if name == "missing_too":
            raise AttributeError("getattr also fails")
        return "__getattr__ gave " + name


b = Both()
b.real = 10
print(b.real, b.missing_x)
print(getattr(b, "missing_y"), hasattr(b, "missing_z"))
print(hasattr(b, "missing_too"), getattr(b, "missing_too", "dflt"))
try:
    b.missing_too
except AttributeError as e:
    print("AttributeError:", e)
try:
    b.boom
except KeyError as e:
    print("KeyError:", e)
try:
    hasattr(b, "boom")
except KeyError as e:
    print("hasattr propagates KeyError:", e)


class OnlyGetattribute:
    def __getattribute__(self, name):
        raise AttributeError(f"no {name} here")


o = OnlyGetattribute()
print(hasattr(o, "x"), getattr(o, "x", 0))
try:
    o.x
except AttributeError as e:
    print("AttributeError:", e)


class Getattr:
    def __getattr__(self, name):
        raise AttributeError(f"{type(self).__name__!r} has nothing called {name!r}")


try:
    Getattr().thing
except AttributeError as e:
    print("AttributeError:", e)
