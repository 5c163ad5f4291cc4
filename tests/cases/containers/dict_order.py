d = {}
for word in ["pear", "apple", "fig", "apple", "kiwi"]:
    d[word] = d.get(word, 0) + 1
print(d)
del d["apple"]
d["apple"] = 9
print(list(d))
d["pear"] = 100
print(d)
print({1: "a", True: "b", 1.0: "c"})
print({(1, 2): "tuple", None: "none", -1: "neg"})
