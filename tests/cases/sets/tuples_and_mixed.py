# Tuples of numbers hash as in CPython; sets with strings keep insertion order in gilvm
# (CPython randomises them), so only their sorted form is printed here.
pts = {(2, 3), (0, 0), (1, -1), (5, 5)}
print(pts)
seen = set()
for x in range(4):
    for y in range(3):
        seen.add((x, y))
print(list(seen)[:6])
words = {"pear", "apple", "fig"}
print(sorted(words))
mixed = {3, 1, 2}
mixed.add(0)
print(mixed)
