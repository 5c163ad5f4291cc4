# frozenset: construction, repr, hashing, equality with set, dict keys and set members.
e = frozenset()
print(e, repr(e), len(e), bool(e))
f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f, 5 in f, 5 not in f)
print(frozenset(range(10)))
print(frozenset("a"), frozenset({1: 'x', 2: 'y'}))
print(type(f), type(f).__name__, isinstance(f, frozenset), isinstance(f, set))
print(f == {1, 2, 3}, {1, 2, 3} == f, f != {1, 2}, f == frozenset([1, 2, 3]))
print(f == [1, 2, 3], f == (1, 2, 3))
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset([0])))
print(hash(frozenset([-1, -2, 10**20])), hash(frozenset([1.5, (1, 2)])))
print(hash(frozenset([frozenset([1]), frozenset([2, 3])])))
print(hash(frozenset(range(100))))
print(hash(frozenset({True, 2.0})) == hash(frozenset({1, 2})))
d = {frozenset([1, 2]): 'a', frozenset(): 'empty'}
print(d[frozenset([2, 1])], d[frozenset()])
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s), frozenset([1]) in s)
print(sorted(frozenset([5, 3, 9])), list(frozenset([2, 1])), tuple(frozenset([7])))
print(set(frozenset([1, 2])), frozenset(frozenset([4, 5])))
g = frozenset([1, 2])
print(frozenset(g) is g, g.copy() is g)
print(min(f), max(f), sum(f))
nested = frozenset([frozenset([1, 2]), frozenset()])
print(len(nested), frozenset() in nested)
print(frozenset([1, 2, 3]) == {1.0, 2.0, 3.0})
try:
    hash(frozenset([[1]]))
except TypeError as e:
    print("TypeError:", e)
try:
    frozenset(1)
except TypeError as e:
    print("TypeError:", e)
try:
    frozenset([1], [2])
except TypeError as e:
    print("TypeError:", e)
try:
    frozenset(iterable=[1])
except TypeError as e:
    print("TypeError:", e)
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
try:
    f[0]
except TypeError as e:
    print("TypeError:", e)
print(frozenset.__name__, frozenset.__mro__)
print({1, 2} in {frozenset([1, 2])})
