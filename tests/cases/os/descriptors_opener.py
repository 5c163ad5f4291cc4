# os.open with O_* flags, os.fstat, os.truncate, os.umask, os.statvfs, open(opener=), binary
# writes of bytearray/memoryview, and os.stat on a descriptor.
import os
import sys

base = os.path.join(sys.argv[1], "oscase2")
os.mkdir(base)
p = os.path.join(base, "f.bin")
fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
print(os.write(fd, b"0123456789"), os.fstat(fd).st_size, os.stat(fd).st_size)
os.close(fd)
try:
    os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
except FileExistsError as e:
    print(type(e).__name__, os.path.basename(e.filename), e.errno)
try:
    os.open(os.path.join(base, "missing"), os.O_RDONLY)
except FileNotFoundError as e:
    print(type(e).__name__, e.strerror)
fd = os.open(p, os.O_RDONLY)
print(os.read(fd, 4), oct(os.fstat(fd).st_mode & 0o777))
os.close(fd)
fd = os.open(p, os.O_WRONLY | os.O_APPEND)
os.write(fd, b"!")
os.close(fd)
os.truncate(p, 5)
with open(p, "rb") as f:
    print(f.read())

with open(p, "wb") as f:
    print(f.write(bytearray(b"abc")), f.write(memoryview(b"defgh")[1:3]))
with open(p, "rb") as f:
    print(f.read())

calls = []


def opener(path, flags):
    calls.append((os.path.basename(path), bool(flags & os.O_CREAT), bool(flags & os.O_TRUNC)))
    return os.open(path, flags, 0o644)


with open(os.path.join(base, "g.txt"), "w", opener=opener) as f:
    f.write("via opener\n")
with open(os.path.join(base, "g.txt"), opener=opener) as f:
    print(f.read().strip())
print(calls)

old = os.umask(0o077)
print(oct(os.umask(old)))
vfs = os.statvfs(base)
print(vfs.f_bsize > 0, vfs.f_blocks >= vfs.f_bfree >= 0, len(vfs))

os.remove(p)
os.remove(os.path.join(base, "g.txt"))
os.rmdir(base)
print(os.listdir(sys.argv[1]))
