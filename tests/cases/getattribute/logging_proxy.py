# __getattribute__ sees every attribute read (methods included); object.__getattribute__ and
# super().__getattribute__ do the normal lookup from inside it.
class Logged:
    cls_attr = "class value"

    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        if not name.startswith("_"):
            print("get", name)
        return object.__getattribute__(self, name)

    def method(self):
        return self.x + 1


o = Logged()
print(o.x)
print(o.method())
print(o.cls_attr)
print(getattr(o, "x"), hasattr(o, "nope"))
print(type(o).__name__)


class ViaSuper:
    def __init__(self):
        self.data = {"a": 1}

    def __getattribute__(self, name):
        if name in ("a", "b"):
            return super().__getattribute__("data").get(name, "missing")
        return super().__getattribute__(name)


v = ViaSuper()
print(v.a, v.b, v.data)
try:
    v.c
except AttributeError as e:
    print("AttributeError:", e)
