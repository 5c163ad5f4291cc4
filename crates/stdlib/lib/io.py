"""io: in-memory streams (StringIO, BytesIO) in Python, plus `open` and the names of the file
classes gilvm's `open` returns. The file objects themselves are the VM's."""

import sys as _sys
import builtins as _builtins

__all__ = ["StringIO", "BytesIO", "open", "UnsupportedOperation", "IOBase", "TextIOBase",
           "BufferedIOBase", "RawIOBase", "TextIOWrapper", "BufferedReader", "BufferedWriter",
           "FileIO", "SEEK_SET", "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

open = _builtins.open


def text_encoding(encoding, stacklevel=2):
    """The encoding `open` uses for None: gilvm's files are UTF-8 ("locale" in CPython)."""
    return "utf-8" if encoding is None else encoding


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = "io"

TextIOWrapper = type(_sys.stdout)
try:
    BufferedWriter = type(_sys.stdout.buffer)
except AttributeError:
    BufferedWriter = TextIOWrapper
BufferedReader = BufferedWriter
FileIO = BufferedWriter


class IOBase:
    """The base of the in-memory streams: closing, context management, line iteration."""

    _closed = False

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    _closed_msg = "I/O operation on closed file."

    def _check_closed(self):
        if self._closed:
            raise ValueError(self._closed_msg)

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def flush(self):
        self._check_closed()

    def isatty(self):
        self._check_closed()
        return False

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def readlines(self, hint=-1):
        if hint is None or hint <= 0:
            return list(self)
        out = []
        n = 0
        for line in self:
            out.append(line)
            n += len(line)
            if n > hint:
                break
        return out

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


class _Memory(IOBase):
    """The buffer shared by StringIO and BytesIO: a value, a position."""

    _empty = ""
    _kind = "str"

    def __init__(self, initial):
        self._buf = initial
        self._pos = 0

    # Writes at the end (the common case: building a text piece by piece) go to a list of
    # pending parts, joined once when the buffer is next read, so n writes cost O(n), not O(n²).
    @property
    def _buf(self):
        parts = self._parts
        if parts:
            self._value = self._value + self._empty.join(parts)
            parts.clear()
        return self._value

    @_buf.setter
    def _buf(self, value):
        self._value = value
        self._parts = []
        self._end = len(value)

    def getvalue(self):
        self._check_closed()
        return self._buf

    def tell(self):
        self._check_closed()
        return self._pos

    def _size_arg(self, size):
        if size is None:
            return -1
        if not isinstance(size, int):
            raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
        return size

    def read(self, size=-1):
        self._check_closed()
        size = self._size_arg(size)
        buf = self._buf
        start = min(self._pos, len(buf))
        end = len(buf) if size < 0 else min(len(buf), start + size)
        self._pos = max(self._pos, end)
        return buf[start:end]

    def readline(self, size=-1):
        self._check_closed()
        size = self._size_arg(size)
        buf = self._buf
        start = min(self._pos, len(buf))
        nl = buf.find(self._nl, start)
        end = len(buf) if nl < 0 else nl + 1
        if size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return buf[start:end]

    def write(self, s):
        self._check_closed()
        s = self._check_write(s)
        n = len(s)
        if n == 0:
            return 0
        pos = self._pos
        if pos == self._end:
            self._parts.append(s)
            self._end = pos + n
            self._pos = pos + n
            return n
        buf = self._buf
        if pos > len(buf):
            self._buf = buf + self._pad * (pos - len(buf)) + s
        else:
            self._buf = buf[:pos] + s + buf[pos + n:]
        self._pos = pos + n
        return n

    def seek(self, pos, whence=0):
        self._check_closed()
        if not isinstance(pos, int):
            raise TypeError(f"'{type(pos).__name__}' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                if self._kind == "str":
                    raise ValueError(f"Negative seek position {pos}")
                raise ValueError(f"negative seek value {pos}")
            self._pos = pos
        elif whence == 1:
            if self._kind == "str" and pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            if self._kind == "str" and pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = max(0, self._end + pos)
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f"negative size value {size}")
        self._buf = self._buf[:size]
        return size


class StringIO(_Memory, TextIOBase):
    """A text stream over a str."""

    _nl = "\n"
    _pad = "\0"
    _closed_msg = "I/O operation on closed file"

    def __init__(self, initial_value="", newline="\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError(
                f"initial_value must be str or None, not {type(initial_value).__name__}")
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline!r}")
        self._newline = newline
        if newline is None:
            initial_value = initial_value.replace("\r\n", "\n").replace("\r", "\n")
        elif newline not in ("", "\n"):
            initial_value = initial_value.replace("\n", newline)
        _Memory.__init__(self, initial_value)

    def _check_write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        if self._newline is None:
            s = s.replace("\r\n", "\n").replace("\r", "\n")
        elif self._newline not in ("", "\n"):
            s = s.replace("\n", self._newline)
        return s

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    encoding = None
    errors = None

    def __repr__(self):
        return f"<_io.StringIO object at {hex(id(self))}>"


class BytesIO(_Memory, BufferedIOBase):
    """A binary stream over bytes."""

    _nl = b"\n"
    _pad = b"\0"
    _empty = b""
    _kind = "bytes"

    def __init__(self, initial_bytes=b""):
        if initial_bytes is None:
            initial_bytes = b""
        _Memory.__init__(self, bytes(initial_bytes))

    def _check_write(self, s):
        if isinstance(s, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return bytes(s)

    def getbuffer(self):
        self._check_closed()
        return memoryview(self._buf)

    def read1(self, size=-1):
        return self.read(size)

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def __repr__(self):
        return f"<_io.BytesIO object at {hex(id(self))}>"


StringIO.__module__ = "_io"
BytesIO.__module__ = "_io"
