# Binary files as CPython's Buffered* objects: class names, normalised mode, readinto,
# truncate, and write() of any buffer.
import os
import tempfile

d = tempfile.mkdtemp()
p = os.path.join(d, "f.bin")
with open(p, "wb") as f:
    print(f.write(bytearray(b"hello")), f.write(memoryview(b" world")), f.write(b"!"))
    print(f.mode, type(f).__name__, repr(f).split(" name")[0])
for m in ["rb", "r+b", "rb+", "w+b", "ab", "a+b"]:
    if m.startswith("w"):
        with open(p, "rb") as f:
            keep = f.read()
    with open(p, m) as f:
        print(m, f.mode, type(f).__name__, repr(f).split(" name")[0], f.readable(), f.writable())
    if m.startswith("w"):
        with open(p, "wb") as f:
            f.write(keep)

with open(p, "r+b") as f:
    buf = bytearray(4)
    print(f.readinto(buf), buf, f.tell())
    mv = memoryview(bytearray(3))
    print(f.readinto(mv), bytes(mv))
    big = bytearray(100)
    n = f.readinto(big)
    print(n, bytes(big[:n]), f.readinto(bytearray(5)))
    print(f.truncate(8), f.tell())
    f.seek(2)
    print(f.truncate(), f.tell())
    print(f.truncate(6), f.tell())
    f.seek(0)
    print(f.read())
    for bad in (b"xy", memoryview(b"xy"), "xy", [1, 2]):
        try:
            f.readinto(bad)
        except TypeError as e:
            print("TypeError", e)

with open(p, "rb") as f:
    try:
        f.truncate()
    except OSError as e:
        print(type(e).__name__, e)
with open(p, "wb") as f:
    try:
        f.readinto(bytearray(2))
    except OSError as e:
        print(type(e).__name__, e)
with open(p, "wb") as f:
    f.write(b"abcdef")
    f.truncate(3)
with open(p, "rb") as f:
    print(f.read())
f = open(p, "rb")
f.close()
try:
    f.readinto(bytearray(1))
except ValueError as e:
    print("ValueError", e)
