items = [1, 2, 3]
for x in items:
    if x == 1:
        items.append(4)
    print(x, end=" ")
print()
d = {"a": 1, "b": 2}
for k in list(d):
    if k == "a":
        del d[k]
print(d)
try:
    for k in d:
        d["new" + k] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
