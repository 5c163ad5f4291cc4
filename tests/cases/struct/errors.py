# Error cases: CPython's exception types and messages.
import struct

def attempt(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

for order in '@<>=!':
    for code in 'bBhHiIlLqQnNP':
        for v in (2**64, -2**64, 2**63, -1, 300, 70000, 2**33, -2**40):
            attempt(struct.pack, order + code, v)
for v in (1.5, 'x', None, b'a', [1]):
    attempt(struct.pack, 'i', v)
    attempt(struct.pack, 'd', v)
    attempt(struct.pack, '>f', v)
for fmt in ['3', 'z', 'i x', '<n', '>P', '!N', 'i 3', '2 s', '%', 'ii!', '4 B', ' 4B ']:
    attempt(struct.calcsize, fmt)
attempt(struct.calcsize, 3)
attempt(struct.pack, 'c', b'ab')
attempt(struct.pack, 'c', 'a')
attempt(struct.pack, 'c', 1)
attempt(struct.pack, 's', 'x')
attempt(struct.pack, 'p', 1)
attempt(struct.pack, 'e', 1e10)
attempt(struct.pack, '<e', 65520.0)
attempt(struct.pack, '<f', 1e300)
attempt(struct.pack, '>d', 1e300)
attempt(struct.pack, 'ii', 1)
attempt(struct.pack, 'i', 1, 2)
attempt(struct.pack, '3s2x', b'a', b'b')
attempt(struct.unpack, 'i', b'ab')
attempt(struct.unpack, 'i', b'abcdef')
attempt(struct.unpack, 'i', 'abcd')
attempt(struct.unpack_from, 'i', b'ab')
attempt(struct.unpack_from, 'i', b'abcd', 2)
attempt(struct.unpack_from, 'i', b'abcd', -10)
attempt(struct.pack_into, 'i', bytearray(5), 2, 1)
attempt(struct.pack_into, 'i', bytearray(5), -10, 1)
attempt(struct.pack_into, 'i', b'abcd', 0, 1)
attempt(lambda: list(struct.iter_unpack('i', b'abcde')))
attempt(struct.iter_unpack, '', b'abc')
attempt(struct.Struct, 5)
class Big:
    def __index__(self):
        return 2**70
class Small:
    def __index__(self):
        return 5
class Fl:
    def __float__(self):
        return 2.5
attempt(struct.pack, 'q', Big())
attempt(struct.pack, 'q', Small())
attempt(struct.pack, 'd', Fl())
attempt(struct.pack, 'd', Small())
attempt(struct.pack_into, 'b', memoryview(b'ab'), 0, 1)
attempt(struct.pack, 'c', bytearray(b'a'))
try:
    struct.pack('h', 10**6)
except struct.error as e:
    print('caught', type(e), e.args)
struct.pack('>h', 99999)
