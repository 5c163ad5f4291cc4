d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d, d.pop("zz", "missing"))
print(d.setdefault("a", 100), d.setdefault("n", []), d)
d.update({"a": -1, "x": 9})
d.update(y=10)
print(d)
print("a" in d, "q" in d, 1 in d.values())
k = d.popitem()
print(k, d)
e = d.copy()
d.clear()
print(d, e)
print(dict.fromkeys(["p", "q"], 0))
try:
    {}.pop("nothing")
except KeyError as err:
    print("KeyError:", err)
