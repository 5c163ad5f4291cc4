# __set_name__ runs once per attribute at class creation (also for type()); its errors are
# wrapped in RuntimeError as in CPython 3.11.
class Named:
    def __set_name__(self, owner, name):
        print("named", owner.__name__, name)
        self.owner = owner
        self.name = name


class A:
    first = Named()
    second = Named()
    not_named = 3


print(A.first.name, A.second.owner is A)
B = type("B", (), {"third": Named()})
print(B.third.name, B.third.owner is B)
late = Named()
A.late = late
print(hasattr(late, "name"))


class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("bad " + name)


try:
    class Broken:
        attr = Bad()
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__))


class Holder:
    x = Bad()
