class DefaultDict(dict):
    def __init__(self, factory, *args, **kw):
        super().__init__(*args, **kw)
        self.factory = factory

    def __missing__(self, key):
        value = self[key] = self.factory()
        return value


d = DefaultDict(list)
d["a"].append(1)
d["a"].append(2)
d["b"].append(3)
print(d, len(d), sorted(d), d.get("c"), "c" in d, list(d.items()), type(d).__name__)


class Counter(dict):
    def __missing__(self, key):
        return 0

    def add(self, key):
        self[key] += 1


c = Counter()
for ch in "hello":
    c.add(ch)
print(c, c["l"], c["z"], dict(c) == {"h": 1, "e": 1, "l": 2, "o": 1})


class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value


a = AttrDict(x=1, y=2)
a.z = 3
print(a.x, a.z, a, hasattr(a, "nope"), a.keys(), list(a.values()))
print(AttrDict({"k": 1}), AttrDict([("p", 2)]), {**a}, dict(a))
del a["x"]
print(a, a.pop("y"), a.setdefault("w", 0), a)
for k in a:
    print("key", k)
a.update({"q": 9})
print(a == {"z": 3, "w": 0, "q": 9}, isinstance(a, dict))


class D(dict):
    pass


dd = D(a=1)
dd |= {"b": 2}
print(dd, type(dd).__name__, dd | {"c": 3})
