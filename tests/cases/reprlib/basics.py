# reprlib: Repr's size limits and recursive_repr.
import reprlib

print(reprlib.repr(list(range(100))), reprlib.repr('x' * 100), reprlib.repr({i: i for i in range(10)}))
print(reprlib.repr(set(range(20))), reprlib.repr(tuple(range(10))), reprlib.repr(10 ** 50))
print(reprlib.repr([[[[[1]]]]]), reprlib.repr(frozenset(range(3))))
r = reprlib.Repr()
r.maxlist = 2
r.maxstring = 10
print(r.repr([1, 2, 3, 4]), r.repr('abcdefghijklmnop'))


class Node:
    def __init__(self):
        self.children = [self]

    @reprlib.recursive_repr()
    def __repr__(self):
        return 'Node(%r)' % self.children


print(repr(Node()))
reprlib.Repr().repr1(None, 'x')
