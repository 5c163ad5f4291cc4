class Shape:
    pass

class Square(Shape):
    pass

s = Square()
print(type(s).__name__, Square.__name__, type(s) is Square, type(s) == Shape)
print(type(1) is int, type("") is str, type([]) is list, type(None).__name__)
print(type(s).__name__ == "Square", isinstance(s, (int, Shape)))
print(type(type(s)).__name__)
print(Square, int, type(3.0))
