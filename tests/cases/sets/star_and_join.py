# {*a, *b}, conversions and consumers see CPython's order.
a = {40, 8}
b = [16, 1]
print({*a, *b})
print({*range(12, 0, -1)})
s = {33, 1, 65}
print(list(s), tuple(s), [x * 2 for x in s])
print(",".join(str(x) for x in s))
print(list(enumerate({7, 15, 23})))
print(list(zip({3, 11}, "ab")))
print(min({5, 3}), max({5, 3}), sorted({30, 10, 20}))
