# random.randbytes: CPython's exact bytes for a seeded generator (getrandbits(n * 8) little-endian).
import random

random.seed(12345)
for n in (0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 33):
    print(n, random.randbytes(n).hex())
r = random.Random(7)
b = r.randbytes(20)
print(type(b).__name__, len(b), b.hex(), r.random())
r.seed(7)
print(r.randbytes(20) == b)
for bad in (1.5, 'x'):
    try:
        r.randbytes(bad)
    except TypeError as e:
        print('TypeError', e)
r.randbytes(-1)
