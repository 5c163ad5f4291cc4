import io, sys
from contextlib import redirect_stdout, redirect_stderr
s = io.StringIO()
print(s.write("hello\n"), s.write("world"))
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.read(3)), repr(s.readline()), repr(s.readline()), repr(s.readline()))
s.seek(0)
print(s.readlines())
s.seek(2)
s.write("XY")
print(repr(s.getvalue()))
print(s.truncate(4), repr(s.getvalue()), s.tell())
s.seek(10); s.write("!")
print(repr(s.getvalue()))
s2 = io.StringIO("a\nb\nc")
print([line for line in s2])
s2.seek(0)
print(s2.readlines(2))
s2.writelines(["x", "y"])
print(repr(s2.getvalue()))
with io.StringIO("ctx") as f:
    print(f.read(), f.closed)
print(f.closed)
for op in (f.read, f.getvalue, lambda: f.write("x"), f.tell):
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
buf = io.StringIO()
print("to buffer", 1, 2, sep="-", end="!\n", file=buf)
with redirect_stdout(buf):
    print("redirected")
    sys.stdout.write("direct\n")
print(repr(buf.getvalue()))
err = io.StringIO()
with redirect_stderr(err):
    print("oops", file=sys.stderr)
print(repr(err.getvalue()))
try:
    io.StringIO().write(b"x")
except TypeError as e:
    print("TypeError:", e)
try:
    io.StringIO(5)
except TypeError as e:
    print("TypeError:", e)
try:
    io.StringIO("abc").seek(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    io.StringIO("abc").seek(1, 1)
except OSError as e:
    print("OSError:", e)
print(io.StringIO("abc").seek(0, 2))
print(io.StringIO("x\r\ny", newline=None).getvalue().split("\n"))
b = io.BytesIO(b"abc\ndef\n")
print(b.read(2), b.readline(), b.read(), b.read())
b.seek(0, 2)
print(b.write(b"ghi"), b.getvalue(), b.tell())
b.seek(-2, 2)
print(b.read())
b.seek(1)
b.write(bytearray(b"ZZ"))
print(b.getvalue(), list(io.BytesIO(b"1\n2\n3")))
try:
    b.write("str")
except TypeError as e:
    print("TypeError:", e)
print(b.truncate(3), b.getvalue(), bytes(b.getbuffer()))
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
try:
    io.StringIO().fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e)
print(io.open is open, io.SEEK_END, isinstance(sys.stdout, io.TextIOWrapper))
print(io.StringIO().readable(), io.BytesIO().seekable(), io.StringIO("q").read(None))
bb = io.BytesIO(b"x"); bb.close()
try:
    bb.read()
except ValueError as e:
    print("ValueError:", e)
try:
    io.BytesIO().seek(-3)
except ValueError as e:
    print("ValueError:", e)
