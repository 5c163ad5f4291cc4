import pprint
data = {"name": "gilvm", "tags": ["rust", "python", "interpreter"] * 3, "nested": {"a": list(range(30)), "b": {"c": (1, 2, 3), "d": "x" * 50}}, "z": None, "set": {3, 1, 2}}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=2, depth=2)
pprint.pprint(data, sort_dicts=False, compact=True, width=60)
print(pprint.pformat(list(range(40)), compact=True, width=30))
print(pprint.pformat("a long string " * 10, width=30))
print(pprint.saferepr([1, [2, [3]]]), pprint.isreadable([1, 2]), pprint.isrecursive([1]))
l = [1, 2]; l.append(l)
print(pprint.pformat(l).split(" with id")[0])

pp = pprint.PrettyPrinter(width=20, indent=4)
pp.pprint({"k%d" % i: i for i in range(5)})
print(pprint.pformat(()), pprint.pformat({}), pprint.pformat([[]]))
try:
    pprint.PrettyPrinter(width=0)
except ValueError as e:
    print("ValueError:", e)
