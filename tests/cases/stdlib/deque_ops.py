# collections.deque: both ends, maxlen, rotation, indexing, comparison and errors.
from collections import deque

d = deque()
for i in range(10):
    if i % 2:
        d.append(i)
    else:
        d.appendleft(i)
print(d, len(d), d[0], d[-1], 3 in d, 4 in d)
while d:
    print(d.popleft() if len(d) % 2 else d.pop(), end=' ')
print()
d = deque(range(5), maxlen=3)
print(d, d.maxlen)
d.extendleft('ab')
print(d)
d = deque(range(6))
d.rotate(2); print(d)
d.rotate(-3); print(d)
d[2] = 'x'; del d[0]; print(d, d.index('x'), d.count(4))
d.insert(1, 'y'); d.remove(4); d.reverse(); print(d)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) + deque([2]))
print(deque('ab') * 2, list(reversed(deque('abc'))), bool(deque()), deque(maxlen=0))
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5],
            lambda: deque([1]).remove(2), lambda: deque([1], maxlen=1).insert(0, 2),
            lambda: deque(maxlen=-1)):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
try:
    hash(deque())
except TypeError as e:
    print(e)
