# OSError(errno, strerror[, filename[, winerror[, filename2]]]) built from Python code.
e = OSError(2, "No such file or directory")
print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2, e.args)
print(str(e))
e = OSError(2, "No such file or directory", "f")
print(type(e).__name__, e.args, str(e))
e = OSError(1, "Operation not permitted", "a", None, "b")
print(type(e).__name__, str(e), e.filename2)
for n in (111, 11, 32, 104, 110, 17, 13, 99999):
    print(n, type(OSError(n, "x")).__name__)
print(type(ConnectionRefusedError(2, "x")).__name__)
class MyErr(OSError):
    pass
m = MyErr(2, "gone")
print(type(m).__name__, m.errno, str(m))
print(OSError("plain").args, OSError("plain").errno, str(OSError("a", "b", "c", "d", "e", "f")))
try:
    raise OSError(2, "No such file or directory", "missing.txt")
except FileNotFoundError as x:
    print("caught", x)
try:
    open("/nonexistent/zz")
except OSError as x:
    print(type(x).__name__, x.errno, x.filename, x)
raise OSError(111, "Connection refused")
