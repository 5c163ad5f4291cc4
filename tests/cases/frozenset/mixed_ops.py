# Mixed set/frozenset operators, comparisons and relations (in place, no copies), subclasses,
# result types and iteration order, and the TypeError of an unsupported operand.
a = frozenset([1, 2, 3, 40, 17])
b = {3, 4, 40, 99}
for x, y in [(a, b), (b, a), (a, frozenset(b)), (a, a), (b, b)]:
    print(type(x | y).__name__, sorted(x | y), list(x | y))
    print(type(x & y).__name__, list(x & y), list(x - y), list(x ^ y))
    print(x <= y, x < y, x >= y, x > y, x == y, x != y)
    print(x.issubset(y), x.issuperset(y), x.isdisjoint(y))
print(frozenset([1, 2]) <= {1, 2, 3}, {1, 2} < frozenset([1, 2, 3]), {5} <= frozenset())
print(a.issubset([1, 2, 3, 40, 17, 8]), a.issuperset(range(3)), a.isdisjoint(iter([7, 8])))
print(b.issubset((3, 4, 40, 99)), b.isdisjoint(frozenset([4])), b.issuperset(a))


class F(frozenset):
    pass


class S(set):
    pass


f, s = F([1, 2, 3]), S([2, 3, 4])
for r in (f | s, f & s, f - s, f ^ s, s | f, s & f, s - f, s ^ f, f | a, a - f):
    print(type(r).__name__, list(r))
print(f <= a, s >= {2}, f == frozenset([1, 2, 3]), s == {2, 3, 4}, f.isdisjoint(s))
for op in ("<=", "<", ">=", ">", "|", "&", "-", "^"):
    for x, y in ((a, [1]), (b, [1]), ([1], a), (f, "ab")):
        try:
            eval("x " + op + " y")
        except TypeError as e:
            print(e)
print(a == [1], b != (1,))
