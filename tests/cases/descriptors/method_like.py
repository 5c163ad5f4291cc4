# A descriptor that binds like a method, a cached property, and a class-level counter.



class bound:
    def __init__(self, func):
        self.func = func

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return (lambda *a: self.func(obj, *a))


class cached:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


class Counter:
    def __init__(self):
        self.n = 0

    def __get__(self, obj, objtype=None):
        self.n += 1
        return self.n


class Thing:
    hits = Counter()

    def __init__(self, v):
        self.v = v

    @bound
    def add(self, k):
        return self.v + k

    @cached
    def expensive(self):
        print("computing")
        return self.v * 100


t = Thing(3)
print(t.add(4))
print(t.expensive, t.expensive, t.expensive)
print(Thing.hits, Thing.hits, t.hits)
print(type(Thing.expensive).__name__)
