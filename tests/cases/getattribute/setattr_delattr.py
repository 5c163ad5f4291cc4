# __setattr__ and __delattr__ overrides, calling object's versions to do the work.
class Frozen:
    def __init__(self, **kw):
        for k, v in kw.items():
            object.__setattr__(self, k, v)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: frozen")

    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}: frozen")


f = Frozen(a=1, b=2)
print(f.a, f.b)
for action in (lambda: setattr(f, "a", 5), lambda: delattr(f, "a")):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
try:
    f.c = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    del f.b
except AttributeError as e:
    print("AttributeError:", e)
object.__delattr__(f, "b")
print(hasattr(f, "b"))


class Tracking:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)

    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)


t = Tracking()
t.x = 1
t.x += 1
print(t.x)
del t.x
print(hasattr(t, "x"))
try:
    del t.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    object.__delattr__(t, "zzz")
except AttributeError as e:
    print("AttributeError:", e)
