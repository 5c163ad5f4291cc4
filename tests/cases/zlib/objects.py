# compressobj/decompressobj: streaming, flush modes, copy, max_length with unconsumed_tail,
# unused_data and eof, dictionaries; the same bytes as CPython.
import copy
import zlib

data = b"".join(("line %d of text %d\n" % (i, i * 7 % 13)).encode() for i in range(5000))
big = bytes(range(256)) * 3000 + b"abc" * 100000

c = zlib.compressobj(9, zlib.DEFLATED, -12, 9, zlib.Z_FILTERED)
parts = [c.compress(data[:1000]), c.flush(zlib.Z_SYNC_FLUSH), c.compress(data[1000:50000])]
c2 = c.copy()
parts.append(c.flush(zlib.Z_FULL_FLUSH))
parts.append(c.compress(data[50000:]))
parts.append(c.flush())
print([len(p) for p in parts], zlib.crc32(b"".join(parts)))
print(parts[1][-4:], parts[3][-4:])
rest = c2.flush()
print(len(rest), zlib.decompress(b"".join(parts[:3]) + rest, -12) == data[:50000])
print(zlib.decompress(b"".join(parts), -12) == data)

for level in (0, 1, 9):
    for strategy in (zlib.Z_DEFAULT_STRATEGY, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
        c = zlib.compressobj(level, strategy=strategy, memLevel=5)
        pieces = [c.compress(big[i:i + 100000]) for i in range(0, len(big), 100000)]
        pieces.append(c.flush())
        out = b"".join(pieces)
        print(level, strategy, [len(p) for p in pieces], zlib.crc32(out))

c = zlib.compressobj(wbits=31)
gz = c.compress(data) + c.flush()
print(gz[:10], len(gz), zlib.decompress(gz, 31) == data)
print(zlib.compressobj().flush(zlib.Z_NO_FLUSH), zlib.compressobj().flush())
cc = copy.copy(zlib.compressobj())
print(type(cc).__name__, type(cc), type(zlib.decompressobj()))

comp = zlib.compress(data)
d = zlib.decompressobj()
out = [d.decompress(comp, 100)]
print(len(out[0]), len(d.unconsumed_tail), d.eof, d.unused_data)
while d.unconsumed_tail:
    out.append(d.decompress(d.unconsumed_tail, 5000))
print(len(out), [len(o) for o in out[:3]], b"".join(out) == data, d.eof, d.unused_data,
      d.unconsumed_tail)

d = zlib.decompressobj()
got = b""
for i in range(0, len(comp), 77):
    got += d.decompress(comp[i:i + 77])
print(got == data, d.eof, d.unused_data)

d = zlib.decompressobj()
print(d.decompress(zlib.compress(b"abc") + b"xyz"), d.unused_data, d.eof, d.unconsumed_tail)
print(d.decompress(b"more"), d.unused_data, d.eof)
print(d.flush(), d.eof)

d = zlib.decompressobj()
x = d.decompress(comp[:500])
d3 = d.copy()
d4 = copy.deepcopy(d)
y = d.flush()
print(len(x), len(y), d.eof, len(d3.decompress(comp[500:])), d3.eof, d4.eof)
print(len(d4.decompress(comp[500:], 10)), len(d4.unconsumed_tail) > 0)
print(len(d4.flush()), d4.eof, d4.unconsumed_tail)

zd = b"line of text 1234567890"
c = zlib.compressobj(zdict=zd)
z = c.compress(data[:300]) + c.flush()
print(len(z), z[:6], zlib.decompressobj(zdict=zd).decompress(z) == data[:300])
c = zlib.compressobj(wbits=-15, zdict=bytearray(zd))
z = c.compress(data[:300]) + c.flush()
print(len(z), zlib.decompressobj(-15, zdict=zd).decompress(z) == data[:300])

gz = zlib.compress(data, wbits=31)
d = zlib.decompressobj(47)
print(d.decompress(gz + b"tail") == data, d.unused_data, d.eof)
