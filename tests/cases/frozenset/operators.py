# frozenset operators and methods: the result's type follows the left operand.
a = frozenset([1, 2, 3, 4])
b = {3, 4, 5}
c = frozenset([4, 5, 6])
for r in (a | b, a & b, a - b, a ^ b, b | a, b & a, b - a, b ^ a, a | c, a & c, a - c, a ^ c):
    print(type(r).__name__, r)
print(a.union(b, [9]), a.intersection(b), a.difference(b, [1]), a.symmetric_difference([2, 7]))
print(a.union(), a.intersection(), a.difference())
print(b.union(a), b.intersection(c), type(b.union(a)).__name__)
print(a.issubset([1, 2, 3, 4, 5]), a.issuperset({1}), a.isdisjoint(c), a.isdisjoint([7]))
print(a <= a, a < a, a < frozenset(range(9)), a >= {1, 2}, a > {1, 2}, {1} < a, {1, 9} <= a)
print(frozenset([1]) < {1, 2}, {1, 2} > frozenset([1]))
x = {1, 2}
x |= frozenset([3])
print(type(x).__name__, x)
y = frozenset([1, 2])
z = y
y |= {5}
print(type(y).__name__, y, z, y is z)
y -= {1}
y &= frozenset([2, 5, 8])
y ^= {7}
print(y)
try:
    a | [1]
except TypeError as e:
    print("TypeError:", e)
try:
    [1] - a
except TypeError as e:
    print("TypeError:", e)
try:
    a < [1]
except TypeError as e:
    print("TypeError:", e)
print(frozenset(range(20)) - frozenset(range(0, 20, 2)))
print(frozenset([10, 2, 33, 4]) | {1})
m = frozenset(['x']) | frozenset(['x'])
print(m)
print([n for n in sorted(dir(frozenset)) if not n.startswith("_")])
print(frozenset.union(a, [8]), frozenset.__len__(a), frozenset.__contains__(a, 1))
try:
    frozenset.union({1}, [2])
except TypeError as e:
    print("TypeError:", e)
