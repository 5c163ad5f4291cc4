# obj.__dict__ and vars(obj) are the live instance dict.
class Box:
    def __init__(self):
        self.a = 1


b = Box()
d = b.__dict__
d["b"] = 2
b.c = 3
print(d, vars(b) is d, b.b, sorted(vars(b)))
del d["a"]
print(hasattr(b, "a"), b.__dict__)
vars(b).update(x=10, y=20)
print(b.x + b.y, len(b.__dict__))
vars(b).clear()
print(b.__dict__, hasattr(b, "x"))
