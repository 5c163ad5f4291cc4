# gzip.open / GzipFile on real files: 'wb', 'ab' (a second member), 'rb' with read,
# readline, iteration, seek/tell and mtime; 'wt'/'rt' text with encodings and newlines; the
# bytes on disk are CPython's (a fixed mtime). Files go in a directory made and removed here.
import gzip
import io
import os
import sys

base = os.path.join(sys.argv[1], "gzcase")
os.mkdir(base)
path = os.path.join(base, "data.txt.gz")
lines = [("line %d %s\n" % (i, "ab" * (i % 7))).encode() for i in range(2000)]

with gzip.GzipFile(path, "wb", mtime=1234567890) as f:
    print(f.writable(), f.readable(), f.mode, os.path.basename(f.name))
    for line in lines[:1000]:
        f.write(line)
    print(f.tell())
with gzip.open(path, "ab") as f:
    f.write(b"".join(lines[1000:]))
    print(f.write(bytearray(b"")), f.write(memoryview(b"tail\n")))
raw = open(path, "rb").read()
head = raw[:10]
print(len(raw), raw[:3], raw[3], raw[8:10], raw[10:18], gzip.decompress(raw)[-12:])

with gzip.open(path, "rb") as f:
    print(f.readline(), f.readline(5), f.readline(), f.mtime)
    print(f.read(10), f.tell())
    rest = f.read()
    print(len(rest), f.read(), f.tell())
    f.seek(0)
    print(f.read(7), f.tell())
    f.seek(100, 1)
    print(f.tell(), f.read(5))
    f.seek(20)
    print(f.peek(1)[:1], f.read1(4))
    print(f.seek(-5, 2), f.read())
with gzip.open(path) as f:
    n = 0
    for line in f:
        n += 1
    print(n, line)
with gzip.open(path, "rb") as f:
    print(len(f.readlines()), f.closed)
print(f.closed)

tpath = os.path.join(base, "text.gz")
with gzip.open(tpath, "wt", encoding="utf-8") as t:
    t.write("héllo wörld\n")
    t.write("second line\r\nthird\rfourth\n")
    print(t.write("ünïcode ☃\n"))
with gzip.open(tpath, "rt", encoding="utf-8") as t:
    print(t.readline(), repr(t.readline()))
    print([line for line in t])
with gzip.open(tpath, "rt", encoding="utf-8", newline="") as t:
    print(t.readlines())
with gzip.open(tpath, "rt", encoding="utf-8") as t:
    print(repr(t.read(3)), repr(t.read()))
with gzip.open(tpath, "wt", encoding="latin-1", newline="\r\n") as t:
    t.write("a\nb\xe9\n")
with gzip.open(tpath, "rb") as f:
    print(f.read())
with gzip.open(tpath, "rt", encoding="latin-1", newline="\r\n") as t:
    print(t.readlines())

buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=1, mtime=99) as g:
    g.write(b"in memory " * 100)
print(buf.getvalue()[:10], len(buf.getvalue()))
buf.seek(0)
with gzip.GzipFile(fileobj=buf, mode="rb") as g:
    print(g.read(20), g.mtime)

for name in sorted(os.listdir(base)):
    os.remove(os.path.join(base, name))
os.rmdir(base)
print(os.listdir(sys.argv[1]))
