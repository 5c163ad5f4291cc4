# gzip.compress/decompress: CPython's header bytes for each level and mtime, multi-member
# streams, zero padding between members, and what zlib's gzip mode makes of them.
import gzip
import zlib

data = b"".join(("row %d: %s\n" % (i, "x" * (i % 17))).encode() for i in range(3000))

for level in (0, 1, 6, 9):
    out = gzip.compress(data, level, mtime=1700000000)
    print(level, len(out), out[:10], out[-8:], zlib.crc32(out))
    print(gzip.decompress(out) == data, zlib.decompress(out, 31) == data)
z0 = gzip.compress(b"hello", mtime=0)
print(z0, gzip.decompress(z0))
print(gzip.compress(b"", mtime=12345))
print(gzip.compress(b"abc", compresslevel=1, mtime=1.9)[:10])
now = gzip.compress(b"abc")
print(len(now), now[:4], gzip.decompress(now))

two = gzip.compress(b"first ", mtime=1) + b"\x00\x00\x00" + gzip.compress(b"second", mtime=2)
print(gzip.decompress(two))
print(gzip.decompress(b""))
print(gzip.decompress(bytearray(gzip.compress(b"ba", mtime=3))))
print(gzip.decompress(zlib.compress(data, 9, 31)) == data)
