print({x: x * x for x in range(5)})
words = ["apple", "banana", "cherry"]
print({w: len(w) for w in words if "a" in w})
d = {"a": 1, "b": 2, "c": 3}
print({v: k for k, v in d.items()})
print({k: v for k, v in zip("xyz", range(3)) if v})
print({i % 3: i for i in range(10)})
