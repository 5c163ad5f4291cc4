t = (1, 2, 3, 2)
print(t[0], t[-1], t[1:3], len(t), t.count(2), t.index(3))
print(t + (4,), t * 2, 2 in t, tuple(reversed(t)))
print((1, 2) < (1, 3), (2,) > (1, 9), () < (0,), max([(1, "b"), (1, "a")]))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
nested = ((1, 2), [3, 4])
nested[1].append(5)
print(nested)
