# array errors: CPython's exception types and messages.
from array import array as A


def attempt(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)


bounds = [('b', 128, -129), ('B', 256, -1), ('h', 2**15, -2**15 - 1), ('H', 2**16, -1),
          ('i', 2**31, -2**31 - 1), ('I', 2**32, -1), ('l', 2**63, -2**63 - 1),
          ('L', 2**64, -1), ('q', 2**63, -2**63 - 1), ('Q', 2**64, -1)]
for tc, hi, lo in bounds:
    for v in (hi, lo, hi - 1, 10**30, -10**30):
        attempt(A, tc, [v])
    for v in (1.5, 'x', None):
        attempt(A, tc, [v])
for tc in 'fd':
    for v in (1, 'x', 10**400, None):
        attempt(A, tc, [v])
for v in (1, 'ab', ''):
    attempt(A, 'u', [v])
attempt(A, 'z')
attempt(A, 'ii')
attempt(A, 1)
attempt(A, 'i', 5)
attempt(A, 'i', 'abc')
attempt(A, 'u', b'ab')
attempt(A, 'i', b'abc')
attempt(A, 'b', A('d', [1.5]))
attempt(A, 'i', A('u', 'a'))
attempt(A, 'u', A('i', [1]))
a = A('i', [1, 2, 3])
attempt(lambda: a + A('d'))
attempt(lambda: a + [1])
attempt(lambda: a * 'x')
attempt(lambda: a.__iadd__([1]))
attempt(lambda: a.__iadd__(A('d')))
attempt(a.index, 9)
attempt(a.index, 2, 0, 1)
attempt(a.remove, 9)
attempt(A('i').pop)
attempt(a.pop, 10)
attempt(lambda: a[10])
attempt(lambda: a['x'])
attempt(a.__setitem__, 10, 1)
attempt(a.__setitem__, 'x', 1)
attempt(a.__setitem__, 0, 2**40)
attempt(a.__setitem__, slice(0, 1), [1])
attempt(a.__setitem__, slice(0, 1), A('d'))
attempt(a.__setitem__, slice(0, 3, 2), A('i', [1]))
attempt(a.__delitem__, 9)
attempt(a.tounicode)
attempt(a.fromunicode, 'x')
attempt(a.fromunicode, b'x')
attempt(a.frombytes, b'abc')
attempt(a.frombytes, 'ab')
attempt(a.extend, [4, 'x'])
print(a)
attempt(a.extend, A('d'))
attempt(a.fromlist, (1,))
attempt(a.fromlist, [1, 'x'])
print(a)
attempt(a.append, 1.0)
attempt(a.insert, 'x', 1)
b = A('b', [1])
attempt(b.append, 200)
print(b)
A("b", [1]).append(128)
