# OSError made from Python: the errno picks the subclass (PEP 3151), errno/strerror/filename/
# filename2 are set, str() is CPython's "[Errno N] text: 'name'", args drop the filename.
import errno
import os

for args in [(2, "No such file or directory"), (errno.EEXIST, "File exists", "f.txt"),
             (errno.EACCES, "Permission denied", "a", None, "b"), (errno.EISDIR, "Is a directory"),
             (errno.ENOTDIR, "x"), (errno.EPIPE, "pipe"), (999, "unknown"), ("msg",), (),
             ("a", "b"), (1, 2, 3, 4, 5, 6)]:
    e = OSError(*args)
    print(type(e).__name__, repr(str(e)), e.args, e.errno, e.strerror, e.filename, e.filename2)
e = FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), "missing.txt")
print(type(e).__name__, e, e.errno == errno.ENOENT, isinstance(e, OSError))
print(repr(OSError(2, "x")), repr(FileExistsError("plain")))
try:
    raise OSError(errno.ENOENT, "gone", "here")
except FileNotFoundError as caught:
    print("caught", caught, caught.filename)


class MyError(OSError):
    pass


m = MyError(2, "mine")
print(type(m).__name__, m, m.errno)
print(errno.errorcode[errno.ENOENT], errno.ENOENT, errno.EAGAIN == errno.EWOULDBLOCK)
raise PermissionError(errno.EPERM, "Operation not permitted", "/root/x")
