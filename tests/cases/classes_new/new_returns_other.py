# __init__ runs only when __new__ returns an instance of the class.
class Other:
    def __init__(self, *args):
        print("Other.__init__", args)


class Factory:
    def __new__(cls, kind):
        if kind == "int":
            return 42
        if kind == "other":
            return Other()
        if kind == "none":
            return None
        return super().__new__(cls)

    def __init__(self, kind):
        print("Factory.__init__", kind)
        self.kind = kind


print(Factory("int"))
print(type(Factory("other")).__name__)
print(Factory("none"))
f = Factory("self")
print(type(f).__name__, f.kind)


class Base:
    def __new__(cls, *args):
        print("Base.__new__", cls.__name__, args)
        return super().__new__(cls)


class Derived(Base):
    def __init__(self, x, y=0):
        print("Derived.__init__", x, y)


d = Derived(1, y=2)
print(isinstance(d, Base))


class ReturnsSubclass:
    def __new__(cls, flag):
        if flag:
            return object.__new__(Special)
        return object.__new__(cls)

    def __init__(self, flag):
        print("init of", type(self).__name__, flag)


class Special(ReturnsSubclass):
    def __init__(self, flag):
        print("Special.__init__", flag)


print(type(ReturnsSubclass(True)).__name__)
print(type(ReturnsSubclass(False)).__name__)
