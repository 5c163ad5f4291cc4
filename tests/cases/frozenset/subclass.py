# Subclasses of frozenset: construction, repr, hashing, operators returning frozenset.
class F(frozenset):
    pass


class G(frozenset):
    def __new__(cls, *items):
        return super().__new__(cls, items)

    def total(self):
        return sum(self)


f = F([1, 2])
print(type(f).__name__, f, repr(F()), len(f), 1 in f, isinstance(f, frozenset))
print(f == frozenset([1, 2]), f == {1, 2}, hash(f) == hash(frozenset([1, 2])))
print(type(f | {3}).__name__, f | {3}, type(f.union([4])).__name__, type(f.copy()).__name__)
d = {frozenset([1, 2]): 'plain'}
print(d[f])
g = G(3, 4, 5)
print(g, g.total(), sorted(g))
f.tag = 'hello'
print(f.tag)


class S(set):
    pass


print(repr(S([1])), repr(S()), S([2]) | {3})
print(frozenset.__new__(F, [7]), type(frozenset.__new__(F, [7])).__name__)
