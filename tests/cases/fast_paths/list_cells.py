# `cell[i]` and `cell[i] = v` on a list held in a closure cell (the sieve pattern), with
# negative indexes, out-of-range indexes and non-list contents.


def sieve(limit):
    flags = [True] * limit
    flags[0] = False
    if limit > 1:
        flags[1] = False
    i = 2
    while i * i < limit:
        if flags[i]:
            for j in range(i * i, limit, i):
                flags[j] = False
        i += 1
    return [n for n in range(limit) if flags[n]]


print(sieve(50))
print(sieve(1), sieve(2))


def cells():
    items = [10, 20, 30]
    k = -1

    def read():
        return items[k]

    def write(v):
        items[k] = v

    write(99)
    print(read(), items)
    nonlocal_k = 5
    try:
        print(items[nonlocal_k])
    except IndexError as e:
        print("IndexError:", e)
    k = 7
    try:
        read()
    except IndexError as e:
        print("IndexError:", e)
    try:
        write(1)
    except IndexError as e:
        print("IndexError:", e)
    k = -4
    try:
        read()
    except IndexError as e:
        print("IndexError:", e)
    k = True
    print(read())
    return [items[i] for i in range(3) if items[i]]


print(cells())


def mixed():
    data = [0, 1, "", "x", None, [], [0], True, False]
    picked = [i for i in range(len(data)) if data[i]]
    skipped = [i for i in range(len(data)) if not data[i]]
    d = {"a": 1}
    got = [d[k] for k in ["a", "a"] if d[k]]
    return picked, skipped, got


print(mixed())


def tuple_cell():
    t = (1, 2, 3)
    j = 1
    try:
        t[j] = 5
    except TypeError as e:
        print("TypeError:", e)
    return [t[j] for _ in range(2)]


print(tuple_cell())
