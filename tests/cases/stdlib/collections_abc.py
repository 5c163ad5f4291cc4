# collections.abc: built-in types registered, structural checks through __subclasshook__,
# and the mixin methods a user class gets from Mapping, MutableSequence and Set.
import collections.abc as cabc
from collections.abc import (Iterable, Iterator, Sized, Container, Callable, Hashable,
                             Sequence, MutableSequence, Mapping, MutableMapping, Set,
                             MutableSet, Generator, Collection)

print(cabc.Sequence, isinstance([], MutableSequence), isinstance((), Sequence),
      isinstance((), MutableSequence), isinstance('s', Sequence), isinstance({}, Mapping),
      isinstance({}, MutableMapping), isinstance(set(), MutableSet))
print(isinstance(iter([]), Iterator), isinstance([], Iterator), isinstance(len, Callable),
      isinstance(3, Hashable), isinstance([], Hashable), isinstance((x for x in []), Generator))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(isinstance(Countdown(3), Iterator), issubclass(Countdown, Iterable),
      issubclass(Countdown, Sized), list(Countdown(3)))


class Registry(Mapping):
    def __init__(self, **kw):
        self._d = dict(kw)

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


r = Registry(a=1, b=2)
print(r.get('a'), r.get('z', 0), 'b' in r, list(r.keys()), list(r.items()), list(r.values()),
      r == {'a': 1, 'b': 2}, len(r), isinstance(r, Collection))


class Stack(MutableSequence):
    def __init__(self):
        self._items = []

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __delitem__(self, i):
        del self._items[i]

    def __len__(self):
        return len(self._items)

    def insert(self, i, v):
        self._items.insert(i, v)


s = Stack()
s.append(1)
s.extend([2, 3, 2])
s += [4]
print(list(s), s.index(3), s.count(2), s.pop(), 2 in s, list(reversed(s)))
s.remove(2)
s.reverse()
print(list(s))


class Bag(Set):
    def __init__(self, items=()):
        self._items = list(dict.fromkeys(items))

    def __contains__(self, x):
        return x in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)


a, b = Bag([1, 2, 3]), Bag([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= Bag([1, 2, 3, 5]),
      a == Bag([3, 2, 1]), a.isdisjoint(Bag([9])))
try:
    Stack.__abstractmethods__ and MutableSequence()
except TypeError as e:
    print(e)
