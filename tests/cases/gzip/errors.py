# gzip's errors: BadGzipFile for bad magic, method, CRC and length; EOFError for a truncated
# member; ValueError for bad modes and arguments; reading a writer and writing a reader.
import gzip
import io


def attempt(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("ok", r)


good = gzip.compress(b"hello world " * 50, mtime=7)
attempt(lambda: gzip.decompress(b"not gzip data"))
attempt(lambda: gzip.decompress(good[:2] + b"\x07" + good[3:]))
attempt(lambda: gzip.decompress(good[:-8] + b"\x00\x00\x00\x00" + good[-4:]))
attempt(lambda: gzip.decompress(good[:-4] + b"\x01\x00\x00\x00"))
attempt(lambda: gzip.decompress(good[:-3]))
attempt(lambda: gzip.decompress(good[:20]))
attempt(lambda: gzip.decompress(good[:5]))
attempt(lambda: gzip.decompress(good + b"junk"))
attempt(lambda: gzip.decompress("text"))
attempt(lambda: gzip.GzipFile(fileobj=io.BytesIO(b"xyz"), mode="rb").read())
attempt(lambda: gzip.GzipFile(fileobj=io.BytesIO(good[:-3]), mode="rb").read())
attempt(lambda: gzip.GzipFile(fileobj=io.BytesIO(good[:-8] + b"\x00" * 8), mode="rb").read())
attempt(lambda: gzip.GzipFile(fileobj=io.BytesIO(), mode="rt"))
attempt(lambda: gzip.GzipFile(fileobj=io.BytesIO(), mode="z"))
attempt(lambda: gzip.open(io.BytesIO(), "rbt"))
attempt(lambda: gzip.open(io.BytesIO(), "rb", encoding="utf-8"))
attempt(lambda: gzip.open(io.BytesIO(), "wb", errors="strict"))
attempt(lambda: gzip.open(io.BytesIO(), "rb", newline="\n"))
attempt(lambda: gzip.open(42))
attempt(lambda: gzip.GzipFile(fileobj=io.BytesIO(), mode="wb").read())
attempt(lambda: gzip.GzipFile(fileobj=io.BytesIO(good), mode="rb").write(b"x"))
attempt(lambda: gzip.GzipFile(fileobj=io.BytesIO(), mode="wb").seek(0, 2))

w = gzip.GzipFile(fileobj=io.BytesIO(), mode="wb")
w.close()
attempt(lambda: w.write(b"x"))
attempt(lambda: w.closed)
r = gzip.GzipFile(fileobj=io.BytesIO(good), mode="rb")
r.close()
attempt(lambda: r.read())
print(issubclass(gzip.BadGzipFile, OSError))
gzip.decompress(b"\x1f\x8bnot really")
