def t(f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    print(repr(r))

print(list(enumerate("abc")), list(enumerate("abc", start=10)), list(enumerate([])))
print(list(zip("ab", [1, 2, 3], (True, False))), list(zip()), list(zip([1])))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5])), list(map(abs, [-1, 2])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, "", "a", [], [1]])))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(1, 10, 3))), list(reversed(range(0))))
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"))
t(lambda: next(it))
t(lambda: next([1]))
t(lambda: iter(5))
t(lambda: reversed(5))
t(lambda: list(map(len)))
state = [0]
def counter():
    state[0] += 1
    return state[0]
print(list(iter(counter, 4)))
print(any([]), all([]), any([x > 2 for x in [1, 2, 3]]), all([1, 1, 0]))
print(sum([x * x for x in range(4)]))
e = enumerate(["x", "y"])
print(next(e), list(e))
z = zip([1, 2], [3, 4])
print(list(z), list(z))
m = map(str, range(3))
print(next(m), list(m))
print(sorted({3: "c", 1: "a"}), sorted("bca"), sorted((3, 1)), max({"a": 1, "b": 2}), min("zy"))
print(list(range(5))[::-1], [x for x in reversed(list(range(3)))])
print(dict(enumerate("ab")), set(map(len, ["a", "bb", "cc"])) == {1, 2}, tuple(zip(*[(1, 2), (3, 4)])))
