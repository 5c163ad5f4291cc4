# abc: abstract methods and properties block instantiation until overridden; register and
# __subclasshook__ make virtual subclasses.
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f'{type(self).__name__} with area {self.area()}'


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


class Half(Shape):
    def area(self):
        return 1


print(Square(3).describe(), Square(2).perimeter(), sorted(Shape.__abstractmethods__))
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print(e)


class Named(ABC):
    @property
    @abstractmethod
    def name(self):
        ...


class Dog(Named):
    @property
    def name(self):
        return 'rex'


print(Dog().name, isinstance(Dog(), Named), issubclass(Dog, ABC))
try:
    Named()
except TypeError as e:
    print(e)


class Sized(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if any('__len__' in B.__dict__ for B in C.__mro__):
            return True
        return NotImplemented


print(isinstance([], Sized), isinstance(3, Sized), issubclass(dict, Sized))


class Registered(ABC):
    pass


Registered.register(int)
print(isinstance(5, Registered), issubclass(bool, Registered), isinstance('s', Registered))
