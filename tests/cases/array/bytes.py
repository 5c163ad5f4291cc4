# array bytes: tobytes/frombytes round trips, byteswap, 'f' rounding.
import sys
from array import array as A

print(sys.byteorder)
for tc, vals in [('b', [-1, 2]), ('B', [255, 0]), ('h', [-2, 300]), ('H', [65535]),
                 ('i', [-5, 2**30]), ('I', [2**32 - 1]), ('l', [-2**63]), ('L', [2**64 - 1]),
                 ('q', [2**62]), ('Q', [2**63]), ('f', [0.1, -2.5]), ('d', [0.1, 1e300])]:
    a = A(tc, vals)
    raw = a.tobytes()
    b = A(tc)
    b.frombytes(raw)
    c = A(tc, raw)
    print(tc, raw.hex(), b == a, c.tolist())
    if tc not in 'fd':
        s = A(tc, vals)
        s.byteswap()
        print(' swapped', s.tobytes().hex())
u = A('u', 'hé€')
print(u.tobytes().hex(), A('u', u.tobytes()))
x = A('h', [1, 2])
x.frombytes(bytearray(b'\x03\x00'))
x.frombytes(memoryview(b'\x04\x00'))
print(x, A('d', [1.5]).tobytes() == bytes(A('d', [1.5])))
print(A('f', [1e300, -1e300]), A('f', [16777217]))
