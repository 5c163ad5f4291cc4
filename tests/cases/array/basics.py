# array.array: construction, indexing, slicing, operators and list-like methods.
import array
from array import array as A

print(array.typecodes, array.ArrayType is A)
for tc in array.typecodes:
    a = A(tc, 'xyz') if tc == 'u' else A(tc, [1, 2, 3])
    print(tc, a.typecode, a.itemsize, len(a), repr(a), a.tolist())
print(repr(A('d')), repr(A('u')), repr(A('f', [0.1])), A('f', [0.1])[0])
a = A('i', range(10))
print(a[0], a[-1], a[2:5], a[::3], a[::-1])
a[1] = 100
a[2:4] = A('i', [7, 8, 9])
del a[0]
del a[::4]
print(a, len(a))
a[::2] = A('i', [0] * len(a[::2]))
print(a)
b = A('i', [1, 2]) + A('i', [3])
b += A('i', [4, 5])
b.extend([6, 7])
b.extend(A('i', [8]))
b.extend(x for x in (9, 10))
print(b, b * 2, 2 * A('b', [1]), A('h', [1, 2]) * 0)
c = A('d', [1.5])
c *= 3
print(c)
print(3 in b, 99 in b, 1.0 in b, b.count(3), b.index(4), b.index(4, 2, 6))
b.append(11)
b.insert(0, -1)
b.insert(100, 12)
b.insert(-100, -2)
print(b, b.pop(), b.pop(0), b.pop(-2), b)
b.remove(5)
b.reverse()
print(b, list(b), [x * 2 for x in A('q', [1, 2])], sum(A('d', [0.5, 0.25])))
print(A('i', [1, 2]) == A('i', [1, 2]), A('i', [1, 2]) == A('d', [1.0, 2.0]),
      A('i', [1]) == [1], A('i', [1]) != [1], A('i', [1, 2]) < A('i', [1, 3]),
      A('i', [2]) >= A('b', [1, 5]), A('i') <= A('i'), A('i', [3]) > A('i', [2, 9]))
print(A('b', A('d', [1.0, 2.0])) if False else A('d', A('i', [1, 2])), A('i', b'\x01\x00\x00\x00'))
u = A('u', 'hello')
u.fromunicode(' world')
u.append('!')
print(u, u.tounicode(), u[1], u[1:3], len(u))
print(A('f', [3]), A('d', [True]), A('i', [True, False]), A('B', bytearray(b'ab')))
a = A('l', [1, 2, 3])
info = a.buffer_info()
print(type(info[0]).__name__, info[1])
import copy
d = copy.copy(a)
d.append(4)
print(a, d, copy.deepcopy(a) == a)
x = A('B', [0] * 4)
x[0] = 255
x[3] = 7
print(x, x.tobytes(), bytes(x))
x.fromlist([1, 2])
print(x.tolist())
for i, v in enumerate(A('H', [5, 6])):
    print(i, v)
