# zlib's errors: zlib.error with CPython's messages, ValueError/TypeError/OverflowError for
# bad arguments, and what an ended stream says.
import zlib


def attempt(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("ok", r)


good = zlib.compress(b"abc" * 100)
attempt(lambda: zlib.decompress(b"abc"))
attempt(lambda: zlib.decompress(good[:-2]))
attempt(lambda: zlib.decompress(good[:5]))
attempt(lambda: zlib.decompress(b""))
attempt(lambda: zlib.decompress(b"x\x9c\x00\x00"))
attempt(lambda: zlib.decompress(zlib.compress(b"abc", wbits=-15)))
attempt(lambda: zlib.decompress(good, -15))
attempt(lambda: zlib.decompress(good, 31))
attempt(lambda: zlib.decompress(good[:2] + b"\xff" + good[3:]))
attempt(lambda: zlib.decompress(good[:-1] + b"\x00"))
attempt(lambda: zlib.decompress(b"x", wbits=99))
attempt(lambda: zlib.decompress(good, bufsize=-1))
attempt(lambda: zlib.decompress("abc"))
attempt(lambda: zlib.decompress(good, "15"))
attempt(lambda: zlib.compress(b"a", 10))
attempt(lambda: zlib.compress(b"a", -2))
attempt(lambda: zlib.compress(b"a", wbits=99))
attempt(lambda: zlib.compress(b"a", wbits=-7))
attempt(lambda: zlib.compress(b"a", 2**40))
attempt(lambda: zlib.compress("a"))
attempt(lambda: zlib.compress(None))
attempt(lambda: zlib.compress(b"a", 1.5))
attempt(lambda: zlib.compressobj(10))
attempt(lambda: zlib.compressobj(method=9))
attempt(lambda: zlib.compressobj(memLevel=10))
attempt(lambda: zlib.compressobj(strategy=9))
attempt(lambda: zlib.compressobj(wbits=7))
attempt(lambda: zlib.compressobj(zdict="x"))
attempt(lambda: zlib.compressobj().compress("x"))
attempt(lambda: zlib.decompressobj(99))
attempt(lambda: zlib.decompressobj(zdict=1))
attempt(lambda: zlib.decompressobj().decompress(b"abc"))
attempt(lambda: zlib.decompressobj().decompress(good, -1))
attempt(lambda: zlib.decompressobj().flush(0))
attempt(lambda: zlib.decompressobj().decompress(zlib.compressobj(zdict=b"abc").flush()))
attempt(lambda: zlib.crc32("a"))
attempt(lambda: zlib.crc32(b"a", "x"))
attempt(lambda: zlib.adler32(b"a", 1.0))

c = zlib.compressobj()
c.compress(b"a")
c.flush()
attempt(lambda: c.compress(b"x"))
attempt(lambda: c.flush())
attempt(lambda: c.copy())
attempt(lambda: c.flush(zlib.Z_NO_FLUSH))

d = zlib.decompressobj()
d.decompress(good)
attempt(lambda: d.flush())
attempt(lambda: d.decompress(b"x"))
attempt(lambda: d.flush())
attempt(lambda: d.copy())

d = zlib.decompressobj()
attempt(lambda: d.decompress(good[:10]))
attempt(lambda: d.flush())
attempt(lambda: d.eof)

print(issubclass(zlib.error, Exception), zlib.error.__module__, zlib.error.__name__)
attempt(lambda: zlib.Compress())
attempt(lambda: zlib.Decompress())
zlib.decompress(b"not zlib data")
