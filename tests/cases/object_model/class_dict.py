# A class's __dict__ (and vars(C)) is a read-only mappingproxy that sees later changes;
# __qualname__, __module__, __name__.


class A:
    x = 1

    def f(self):
        return "f"


d = A.__dict__
print(type(d).__name__, "x" in d, d["x"], d.get("y", 7), d.get("x"))
print(sorted(k for k in d if not k.startswith("__")))
A.y = 2
print("y" in d, d["y"], sorted(k for k in dict(d) if not k.startswith("__")))
print(sorted((k, v) for k, v in d.items() if k in ("x", "y")))
print(type(vars(A)).__name__, vars(A)["x"], d["f"](None))
try:
    d["z"] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)


class B(A):
    pass


print("x" in B.__dict__, "x" in dir(B), B.x)
print(A.__name__, A.__qualname__, A.__module__)


def factory():
    class Local:
        class Nested:
            pass

    return Local


L = factory()
print(L.__qualname__, L.Nested.__qualname__, L.Nested.__name__)
print(repr(L.Nested).replace("0x", "")[:60])
