"""Low-level networking (CPython's socket module, written for gilvm).

The OS half is the native `_socket` (one libc call per operation, waits with the GIL
released); this file holds the `socket` class with CPython's timeout rules (None blocks,
0.0 never waits, a number waits that long then raises TimeoutError('timed out')), the
address-family enums, `makefile`, `socketpair`, `create_connection`, `create_server`,
`getaddrinfo`, `gethostname`, `gaierror`.
"""

import os
import _socket
from _socket import *
from enum import IntEnum

error = OSError
timeout = TimeoutError


class herror(OSError):
    pass


class gaierror(OSError):
    def __init__(self, *args):
        super().__init__(*args)
        if len(args) == 2:
            self.errno, self.strerror = args

    def __str__(self):
        if len(self.args) == 2:
            return "[Errno %s] %s" % self.args
        return super().__str__()


class AddressFamily(IntEnum):
    AF_UNSPEC = _socket.AF_UNSPEC
    AF_UNIX = _socket.AF_UNIX
    AF_INET = _socket.AF_INET
    AF_INET6 = _socket.AF_INET6


class SocketKind(IntEnum):
    SOCK_STREAM = _socket.SOCK_STREAM
    SOCK_DGRAM = _socket.SOCK_DGRAM
    SOCK_RAW = _socket.SOCK_RAW


AF_UNSPEC = AddressFamily.AF_UNSPEC
AF_UNIX = AddressFamily.AF_UNIX
AF_INET = AddressFamily.AF_INET
AF_INET6 = AddressFamily.AF_INET6
SOCK_STREAM = SocketKind.SOCK_STREAM
SOCK_DGRAM = SocketKind.SOCK_DGRAM
SOCK_RAW = SocketKind.SOCK_RAW
has_ipv6 = True

_default_timeout = None


def _family(n):
    try:
        return AddressFamily(n)
    except ValueError:
        return n


def _kind(n):
    try:
        return SocketKind(n)
    except ValueError:
        return n


def getdefaulttimeout():
    return _default_timeout


def _check_timeout(value):
    if value is None:
        return None
    value = float(value)
    if value < 0.0:
        raise ValueError("Timeout value out of range")
    return value


def setdefaulttimeout(value):
    global _default_timeout
    _default_timeout = _check_timeout(value)


class socket:
    """A socket object: a descriptor, its family, type and protocol, and a timeout."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
            self._fd = _socket.socket(family, type, proto)
        else:
            fileno = fileno.__index__()
            f, t, p = _socket.sock_type(fileno)
            if family == -1:
                family = f
            if type == -1:
                type = t
            if proto == -1:
                proto = p
            self._fd = fileno
        self._family = family
        self._type = type
        self._proto = proto
        self._timeout = None
        self._io_refs = 0
        self._closed = False
        if _default_timeout is not None:
            self.settimeout(_default_timeout)

    family = property(lambda self: _family(self._family))
    type = property(lambda self: _kind(self._type))
    proto = property(lambda self: self._proto)

    def __repr__(self):
        closed = self._fd < 0
        s = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            self.__class__.__module__, self.__class__.__qualname__,
            " [closed]" if closed else "", self._fd, int(self._family), int(self._type),
            self._proto)
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    s += ", laddr=%s" % str(laddr)
            except OSError:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    s += ", raddr=%s" % str(raddr)
            except OSError:
                pass
        s += ">"
        return s

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def _check(self):
        if self._fd < 0:
            raise OSError(9, "Bad file descriptor") from None
        return self._fd

    def _wait(self):
        t = self._timeout
        return -1.0 if t is None else t

    def fileno(self):
        return self._fd

    def close(self):
        self._closed = True
        if self._fd >= 0:
            fd = self._fd
            self._fd = -1
            os.close(fd)

    def detach(self):
        self._closed = True
        fd = self._fd
        self._fd = -1
        return fd

    def dup(self):
        return socket(self._family, self._type, self._proto, fileno=os.dup(self._fd))

    def settimeout(self, value):
        self._timeout = _check_timeout(value)
        if self._fd >= 0:
            os.set_blocking(self._fd, self._timeout is None)

    def gettimeout(self):
        return self._timeout

    def setblocking(self, flag):
        self.settimeout(None if flag else 0.0)

    def getblocking(self):
        return self._timeout != 0.0

    def bind(self, address):
        _socket.bind(self._fd, self._family, address)

    def listen(self, backlog=None):
        if backlog is None:
            backlog = min(_socket.SOMAXCONN, 128)
        _socket.listen(self._fd, backlog)

    def _accept(self):
        return _socket.accept(self._fd, self._wait())

    def accept(self):
        fd, addr = self._accept()
        sock = socket(self._family, self._type, self._proto, fileno=fd)
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def connect(self, address):
        err = _socket.connect(self._fd, self._family, address, self._wait())
        if err:
            _socket.raise_errno(err)

    def connect_ex(self, address):
        return _socket.connect(self._fd, self._family, address, self._wait())

    def send(self, data, flags=0):
        return _socket.send(self._fd, data, flags, self._wait())

    def sendall(self, data, flags=0):
        data = memoryview(data).cast("B") if not isinstance(data, bytes) else data
        total = len(data)
        sent = 0
        while sent < total:
            sent += _socket.send(self._fd, data[sent:], flags, self._wait())
        return None

    def sendto(self, data, flags_or_addr, addr=None):
        if addr is None:
            flags, addr = 0, flags_or_addr
        else:
            flags = flags_or_addr
        return _socket.sendto(self._fd, data, flags, self._family, addr, self._wait())

    def recv(self, bufsize, flags=0):
        return _socket.recv(self._fd, bufsize, flags, self._wait())

    def recvfrom(self, bufsize, flags=0):
        return _socket.recvfrom(self._fd, bufsize, flags, self._wait())

    def recv_into(self, buffer, nbytes=0, flags=0):
        if nbytes < 0:
            raise ValueError("negative buffersize in recv_into")
        if nbytes == 0:
            nbytes = len(buffer)
        data = _socket.recv(self._fd, nbytes, flags, self._wait())
        n = len(data)
        buffer[:n] = data
        return n

    def recvfrom_into(self, buffer, nbytes=0, flags=0):
        if nbytes == 0:
            nbytes = len(buffer)
        data, addr = _socket.recvfrom(self._fd, nbytes, flags, self._wait())
        n = len(data)
        buffer[:n] = data
        return n, addr

    def shutdown(self, how):
        _socket.shutdown(self._fd, how)

    def getsockname(self):
        return _socket.getsockname(self._fd)

    def getpeername(self):
        return _socket.getpeername(self._fd)

    def setsockopt(self, level, optname, value, optlen=None):
        _socket.setsockopt(self._fd, level, optname, value)

    def getsockopt(self, level, optname, buflen=None):
        return _socket.getsockopt(self._fd, level, optname)

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        """A file object over (a duplicate of) the socket's descriptor."""
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        if "r" in mode and "w" in mode:
            raise ValueError("gilvm: makefile('rw') is not supported")
        fd = os.dup(self._fd)
        os.set_blocking(fd, True)
        return open(fd, mode)


SocketType = socket


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """Two connected sockets (AF_UNIX by default)."""
    if family is None:
        family = AF_UNIX
    a, b = _socket.socketpair(family, type, proto)
    return socket(family, type, proto, a), socket(family, type, proto, b)


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Resolve (host, port): a list of (family, type, proto, canonname, sockaddr)."""
    try:
        found = _socket.getaddrinfo(host, port, family, type, proto, flags)
    except OSError as e:
        if e.__class__ is OSError and len(e.args) == 2:
            raise gaierror(*e.args) from None
        raise
    return [(_family(f), _kind(t), p, c, a) for f, t, p, c, a in found]


def gethostname():
    return _socket.gethostname()


def gethostbyname(hostname):
    for f, t, p, c, a in getaddrinfo(hostname, None, AF_INET):
        return a[0]
    raise gaierror(-2, "Name or service not known")


_GLOBAL_DEFAULT_TIMEOUT = object()


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *,
                      all_errors=False):
    """Connect to (host, port), trying each address getaddrinfo gives: the socket."""
    host, port = address
    errors = []
    for af, socktype, proto, canonname, sa in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            errors = []
            return sock
        except OSError as exc:
            errors.append(exc)
            if sock is not None:
                sock.close()
    if errors:
        raise errors[0]
    raise error("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A listening TCP socket bound to `address` (SO_REUSEADDR set, as CPython's)."""
    if reuse_port and not hasattr(_socket, "SO_REUSEPORT"):
        raise ValueError("SO_REUSEPORT not supported on this platform")
    if dualstack_ipv6:
        raise ValueError("dualstack_ipv6 not supported on this platform")
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 1)
        sock.bind(address)
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except BaseException:
        sock.close()
        raise
