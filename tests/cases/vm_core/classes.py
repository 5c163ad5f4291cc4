class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " makes a sound"
    def __repr__(self):
        return "Animal(" + repr(self.name) + ")"
class Dog(Animal):
    def __init__(self, name, tricks=()):
        super().__init__(name)
        self.tricks = list(tricks) if False else [t for t in tricks]
    def speak(self):
        return super().speak() + " (woof)"
d = Dog("Rex", ("sit", "roll"))
print(d.speak(), d.kind, d.tricks)
print(repr(d), isinstance(d, Animal), isinstance(d, Dog))
a = Animal("Cat")
print(a.speak())
print(Dog.kind, Animal.speak(d))
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def __str__(self):
        return "(" + str(self.x) + ", " + str(self.y) + ")"
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return [self.x, self.y][i]
p = Point(1, 2) + Point(3, 4)
print(p, p == Point(4, 6), p != Point(4, 6), Point(1, 2) < Point(1, 3), Point(5, 0) > Point(1, 1))
print(len(p), p[0], p[-1], list(p) if False else [v for v in p])
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        self._c = v * 1
    @staticmethod
    def unit():
        return "C"
    @classmethod
    def make(cls):
        t = cls()
        t.celsius = 25
        return t
t = Temp.make()
print(t.celsius, Temp.unit(), t.unit(), type(t).__name__ if False else Temp.__name__)
class Base:
    def hello(self):
        return "base"
class Mid(Base):
    def hello(self):
        return "mid+" + super(Mid, self).hello()
class Leaf(Mid):
    def hello(self):
        return "leaf+" + super().hello()
print(Leaf().hello())
class Counter:
    total = 0
    def __init__(self):
        Counter.total += 1
for _ in range(3):
    Counter()
print(Counter.total)
class WithGetattr:
    def __getattr__(self, name):
        return name.upper()
print(WithGetattr().foo)
class Callable:
    def __call__(self, x):
        return x * 3
print(Callable()(5))
print(Animal, Dog.__mro__ if False else Dog.__bases__)
class Empty:
    pass
e = Empty()
e.x = 5
print(e.x, hasattr if False else 1)
