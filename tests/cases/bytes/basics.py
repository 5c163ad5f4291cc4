print(b'hello world'.split(), b'a,b,,c'.split(b','), b'abc'.find(b'c'), b'abc'.upper())
ba = bytearray(b'abc')
ba.append(100); ba += b'ef'; ba[0] = 65; ba[1:3] = b'XYZ'
print(ba, len(ba), ba[0], ba[-2:], list(ba)[:3])
del ba[::2]
print(ba, ba.pop(), ba, bytes(ba), ba == b'YZe'[:len(ba)])
print(b'%d-%s-%x-%r' % (5, b'ab', 255, 'q'))
m = memoryview(bytearray(b'hello'))
s = m[1:4]
s[0] = 69
print(m.obj, s.tobytes(), s.tolist(), m.nbytes, m.readonly, m.format, m.shape)
print(bytes.fromhex('de ad be ef').hex(':'), b'abc' + bytearray(b'd'), b'b' in bytearray(b'abc'))
try:
    hash(bytearray())
except TypeError as e:
    print(e)
print(repr(bytearray(b"it's")), bytes(3), bytes([1,2]), bytes('é', 'utf-8'))
with memoryview(b'xyz') as v:
    print(v[0], v[-1], len(v))
try:
    len(v)
except ValueError as e:
    print(e)
print(b'ab' * 3, 3 * bytearray(b'x'), b''.join([b'a', bytearray(b'b'), memoryview(b'c')]))
