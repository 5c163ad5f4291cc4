a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, 5), [0, *range(3), 9])
d1 = {"x": 1, "y": 2}
d2 = {"y": 20, "z": 30}
print({**d1, **d2}, {**d2, "w": 0, **d1})
print(sorted({*a, *b, 1}))
print([*"hi", *[]])
