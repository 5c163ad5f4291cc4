# Views are live: they reflect every later change to the dict.
d = {"a": 1, "b": 2}
keys, values, items = d.keys(), d.values(), d.items()
print(keys, values, items, len(keys))
d["c"] = 3
del d["a"]
print(keys, values, items, len(items))
print("c" in keys, "a" in keys, 3 in values, ("b", 2) in items, ("b", 3) in items)
d.clear()
print(list(keys), list(values), list(items), bool(keys))
d.update(x=10, y=20)
print(sorted(keys), sorted(values), sorted(items))
print(keys == {"x", "y"}, keys & {"x", "z"}, keys | {"q"} == {"x", "y", "q"}, keys - {"x"})
it = iter(items)
print(next(it))
d["x"] = 99
print(next(it), list(it))
print(list(reversed(keys)), list(reversed(values)), list(reversed(items)))
print(type(keys).__name__, type(values).__name__, type(items).__name__)
print(type(iter(keys)).__name__, type(iter(values)).__name__, type(iter(items)).__name__)
print(type(reversed(d)).__name__, type(reversed(values)).__name__, type(reversed(items)).__name__)
d = {1: 1, 2: 2}
print(d.keys() <= {1, 2, 3}, d.keys() < {1}, d.items() >= {(1, 1)}, d.keys().isdisjoint({5}))
print({1, 2, 3} >= d.keys(), {1} < d.keys(), d.keys() > {1}, d.keys() >= d.keys(), d.items() <= d.items())
print(d.keys().isdisjoint([2]), d.items().isdisjoint({(1, 2)}), d.values().isdisjoint([3]) if hasattr(d.values(), "isdisjoint") else "n/a")
