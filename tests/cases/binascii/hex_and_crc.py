# binascii: hexlify/unhexlify with separators, crc32/crc_hqx known answers, buffer kinds.
import binascii

data = bytes(range(256))
for n in range(0, 70):
    chunk = data[n:n + n]
    h = binascii.hexlify(chunk)
    assert binascii.unhexlify(h) == chunk
    assert binascii.a2b_hex(h.decode()) == chunk
    assert binascii.b2a_hex(chunk) == h == chunk.hex().encode()
print("hex round trips ok")

for kind in (bytes, bytearray, lambda b: memoryview(b)):
    print(binascii.hexlify(kind(b"\x00\x7f\x80\xff")), binascii.unhexlify(kind(b"00ff")))

print(binascii.hexlify(b"\x01\x02\x03\x04\x05", "-"))
for per in (1, 2, 3, -2, -3, 0, 10, -10):
    print(per, binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", per),
          binascii.b2a_hex(b"\x01\x02\x03\x04\x05", sep=" ", bytes_per_sep=per))
print(binascii.hexlify(b"", "-"), binascii.unhexlify(""), binascii.unhexlify("ABCDef"))

print(binascii.crc32(b""), binascii.crc32(b"hello"), binascii.crc32(b"hello world"))
print(binascii.crc32(b"world", binascii.crc32(b"hello ")))
print(binascii.crc32(b"", -1), binascii.crc32(b"abc", 12345), binascii.crc32(bytearray(b"abc")))
print(binascii.crc32(memoryview(b"The quick brown fox jumps over the lazy dog")))
print(binascii.crc_hqx(b"", 0), binascii.crc_hqx(b"hello", 0), binascii.crc_hqx(b"123456789", 0xFFFF))
print(binascii.crc_hqx(b"world", binascii.crc_hqx(b"hello ", 0)), binascii.crc_hqx(b"a", 0x12345))

print(issubclass(binascii.Error, ValueError), binascii.Error.__name__, binascii.Error.__module__)
print(issubclass(binascii.Incomplete, Exception), issubclass(binascii.Incomplete, ValueError))


def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)


attempt(binascii.unhexlify, b"abc")
attempt(binascii.unhexlify, "zz")
attempt(binascii.a2b_hex, b"0g")
attempt(binascii.unhexlify, "é0")
attempt(binascii.unhexlify, 12)
attempt(binascii.hexlify, "abc")
attempt(binascii.hexlify, b"ab", "--")
attempt(binascii.hexlify, b"ab", 5)
attempt(binascii.crc32, "abc")
attempt(binascii.crc_hqx, b"abc")
try:
    binascii.unhexlify("0")
except ValueError as e:
    print("caught as ValueError:", type(e).__name__, e)
# Seeds are masked to their low bits, big ints and negatives included.
print(binascii.crc32(b"a", 2**70 + 5), binascii.crc32(b"a", -(2**70) - 5), binascii.crc32(b"a", -1))
print(binascii.crc_hqx(b"a", 2**70 + 5), binascii.crc_hqx(b"a", -7))
attempt(binascii.crc32, b"a", 1.5)
