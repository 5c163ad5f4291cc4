# __instancecheck__ / __subclasscheck__ on a metaclass: an abc-like ABCMeta written in Python,
# with abstract methods, registration and duck-typed subclass hooks.


def abstractmethod(f):
    f.__isabstractmethod__ = True
    return f


class ABCMeta(type):
    def __new__(mcls, name, bases, ns, **kwargs):
        cls = super().__new__(mcls, name, bases, ns, **kwargs)
        abstracts = {n for n, v in ns.items() if getattr(v, "__isabstractmethod__", False)}
        for base in bases:
            for n in getattr(base, "__abstractmethods__", set()):
                if getattr(getattr(cls, n, None), "__isabstractmethod__", False):
                    abstracts.add(n)
        cls.__abstractmethods__ = set(abstracts)
        cls._registry = []
        return cls

    def register(cls, subclass):
        cls._registry.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        hook = cls.__dict__.get("__subclasshook__")
        if hook is not None:
            ok = hook.__func__(cls, subclass)
            if ok is not NotImplemented:
                return ok
        if subclass in cls._registry:
            return True
        for r in cls._registry:
            if issubclass(subclass, r):
                return True
        return type.__subclasscheck__(cls, subclass)


class ABC(metaclass=ABCMeta):
    pass


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s

    def perimeter(self):
        return 4 * self.s


class Half(Shape):
    def area(self):
        return 0


print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__), Square.__abstractmethods__)
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
sq = Square(3)
print(sq.area(), sq.perimeter(), isinstance(sq, Shape), issubclass(Square, Shape))


class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if any("__len__" in B.__dict__ for B in C.__mro__):
            return True
        return NotImplemented


print(isinstance([], Sized), isinstance(3, Sized), issubclass(dict, Sized), isinstance("", (int, Sized)))


class Drawable(ABC):
    pass


@Drawable.register
class Canvas:
    pass


class Sub(Canvas):
    pass


print(isinstance(Canvas(), Drawable), issubclass(Sub, Drawable), isinstance(1, Drawable))
print(isinstance(Square(1), ABC), type(Shape).__name__)


class Even(type):
    def __instancecheck__(cls, x):
        return isinstance(x, int) and x % 2 == 0


class EvenNumber(metaclass=Even):
    pass


print([isinstance(n, EvenNumber) for n in range(5)], isinstance(EvenNumber(), EvenNumber))
