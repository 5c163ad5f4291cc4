# errno: every constant and errorcode, as CPython has them on Linux.
import errno

names = sorted(n for n in dir(errno) if n.startswith('E'))
print(len(names), len(errno.errorcode))
for n in names:
    print(n, getattr(errno, n), errno.errorcode[getattr(errno, n)])
print(sorted(errno.errorcode.items()) == sorted((v, k) for k, v in errno.errorcode.items()
                                                 for k, v in [(v, k)]))
try:
    open('/nonexistent/path')
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])
try:
    open('/')
except OSError as e:
    print(errno.errorcode[e.errno])
print(errno.EAGAIN == errno.EWOULDBLOCK, errno.EDEADLK == errno.EDEADLOCK)
errno.errorcode[99999]
