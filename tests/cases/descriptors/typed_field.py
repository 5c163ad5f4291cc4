# A validating data descriptor with __set_name__, storing into the instance __dict__.
class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__[self.name]

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, not {type(value).__name__}")
        obj.__dict__[self.name] = value

    def __delete__(self, obj):
        print("deleting", self.name)
        del obj.__dict__[self.name]


class Point:
    x = Typed(int)
    y = Typed(int)
    label = Typed(str)

    def __init__(self, x, y, label="p"):
        self.x = x
        self.y = y
        self.label = label


p = Point(1, 2)
print(p.x, p.y, p.label, sorted(vars(p).items()))
try:
    p.x = "three"
except TypeError as e:
    print("TypeError:", e)
print(type(Point.x).__name__, Point.x.name, Point.__dict__["y"].kind.__name__)
del p.label
print("label" in p.__dict__)
try:
    p.label
except KeyError as e:
    print("KeyError", e)
p.__dict__["x"] = 100
print(p.x)
