# Interning instances by key in __new__.
class Color:
    _cache = {}

    def __new__(cls, name):
        try:
            return cls._cache[name]
        except KeyError:
            self = object.__new__(cls)
            self.name = name
            cls._cache[name] = self
            return self

    def __repr__(self):
        return f"Color({self.name!r})"


red = Color("red")
print(red, Color("red") is red, Color("blue") is red)
print(sorted(Color._cache))
print(len({id(Color("red")) for _ in range(5)}))
