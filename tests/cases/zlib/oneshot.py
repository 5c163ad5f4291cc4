# zlib.compress/decompress: CPython's exact bytes at every level (level 0's stored blocks
# included), wbits for zlib, raw deflate and gzip, bufsize, and the checksums.
import zlib

data = b"".join(("line %d of text %d\n" % (i, i * 7 % 13)).encode() for i in range(5000))
big = bytes(range(256)) * 3000 + b"abc" * 100000

for level in (0, 1, 2, 5, 6, 9, -1):
    for d in (data, big):
        out = zlib.compress(d, level)
        print(level, len(out), zlib.crc32(out), zlib.decompress(out) == d)
print(zlib.compress(b"hello world"))
print(zlib.compress(b""), zlib.decompress(zlib.compress(b"")))
print(zlib.compress(b"abc", level=9, wbits=-15))
print(zlib.compress(bytearray(b"xyz" * 10)), zlib.compress(memoryview(b"xyz" * 10)))

for wbits in (9, 12, 15, -9, -15, 25, 31):
    out = zlib.compress(data, 6, wbits)
    print(wbits, len(out), zlib.adler32(out), out[:3])
    print(zlib.decompress(out, wbits) == data, zlib.decompress(out, wbits, 1) == data)
# 32 + n detects zlib or gzip; 0 takes the window from the zlib header
print(zlib.decompress(zlib.compress(data, wbits=31), 47) == data)
print(zlib.decompress(zlib.compress(data), 47) == data)
print(zlib.decompress(zlib.compress(data), 0) == data)
print(zlib.decompress(zlib.compress(data), bufsize=0) == data)
# data after the end of the stream is ignored
print(zlib.decompress(zlib.compress(b"abc") + b"trailing"))

print(zlib.crc32(b"hello"), zlib.crc32(b" world", zlib.crc32(b"hello")), zlib.crc32(b"hello world"))
print(zlib.adler32(b"hello"), zlib.adler32(b" world", zlib.adler32(b"hello")), zlib.adler32(b"hello world"))
print(zlib.crc32(b""), zlib.adler32(b""), zlib.crc32(b"", -1), zlib.adler32(b"abc", 2**40 + 5))
print(zlib.crc32(big), zlib.adler32(big), zlib.crc32(bytearray(big)))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE)
print(zlib.Z_NO_COMPRESSION, zlib.Z_BEST_SPEED, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION)
print(zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED, zlib.Z_DEFAULT_STRATEGY)
print(zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_FINISH,
      zlib.Z_BLOCK, zlib.Z_TREES)
print(type(zlib.ZLIB_VERSION), zlib.ZLIB_VERSION.count(".") >= 2, zlib.ZLIB_RUNTIME_VERSION[:1])
