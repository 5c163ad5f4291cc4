# `local[local]` and `local[local] = v` on lists and dicts held in locals: new and existing
# keys, insertion order, missing keys, negative and out-of-range indexes, other key types.


def tally(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


print(tally("the cat and the hat and the bat".split()))


def dicts():
    d = {"a": 1, 1: "one", (1, 2): "pair"}
    k = "a"
    print(d[k])
    d[k] = 10
    k = "z"
    d[k] = 26
    k = 1
    print(d[k])
    d[k] = "uno"
    k = 1.0
    print(d[k])
    k = True
    print(d[k])
    k = (1, 2)
    print(d[k])
    k = "missing"
    try:
        print(d[k])
    except KeyError as e:
        print("KeyError:", e)
    k = [1]
    try:
        d[k] = 1
    except TypeError as e:
        print("TypeError:", e)
    print(d, list(d))
    s = "a"
    d[s] = d
    print(len(d), d[s] is d)


dicts()


def lists():
    xs = [1, 2, 3]
    i = -1
    print(xs[i])
    xs[i] = 30
    i = 0
    xs[i] = xs
    print(len(xs), xs[i] is xs)
    i = 3
    try:
        print(xs[i])
    except IndexError as e:
        print("IndexError:", e)
    try:
        xs[i] = 0
    except IndexError as e:
        print("IndexError:", e)
    i = -4
    try:
        xs[i] = 0
    except IndexError as e:
        print("IndexError:", e)
    i = "0"
    try:
        print(xs[i])
    except TypeError as e:
        print("TypeError:", e)
    i = False
    xs[i] = "bool index"
    print(xs[i])
    grid = [[0] * 3 for _ in range(3)]
    for r in range(3):
        row = grid[r]
        for c in range(3):
            row[c] = r * 3 + c
    print(grid)
    t = (1, 2)
    j = 0
    print(t[j])
    try:
        t[j] = 5
    except TypeError as e:
        print("TypeError:", e)
    s = "str"
    print(s[j])


lists()
