"""gzip: compress/decompress in one shot, and GzipFile / gzip.open for reading ('rb'),
writing ('wb', 'ab', 'xb') and text ('rt', 'wt', 'at'), on zlib.

Adapted from CPython 3.11's Lib/gzip.py (PSF licence): the same header bytes, member
handling and errors. The buffering that CPython gets from io.BufferedReader and the text
layer of io.TextIOWrapper are written here, since gilvm's io classes wrap OS files only.
"""

import builtins
import io
import os
import struct
import time
import zlib

__all__ = ["BadGzipFile", "GzipFile", "open", "compress", "decompress"]

FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16

READ, WRITE = 1, 2

_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_TRADEOFF = 6
_COMPRESS_LEVEL_BEST = 9

_EBADF = 9
_EOF_MSG = "Compressed file ended before the end-of-stream marker was reached"


class BadGzipFile(OSError):
    """Exception raised in some cases for invalid gzip files."""


def open(filename, mode="rb", compresslevel=_COMPRESS_LEVEL_BEST,
         encoding=None, errors=None, newline=None):
    """Open a gzip-compressed file in binary or text mode."""
    if "t" in mode:
        if "b" in mode:
            raise ValueError("Invalid mode: %r" % (mode,))
    else:
        if encoding is not None:
            raise ValueError("Argument 'encoding' not supported in binary mode")
        if errors is not None:
            raise ValueError("Argument 'errors' not supported in binary mode")
        if newline is not None:
            raise ValueError("Argument 'newline' not supported in binary mode")

    gz_mode = mode.replace("t", "")
    if isinstance(filename, (str, bytes)) or hasattr(filename, "__fspath__"):
        binary_file = GzipFile(filename, gz_mode, compresslevel)
    elif hasattr(filename, "read") or hasattr(filename, "write"):
        binary_file = GzipFile(None, gz_mode, compresslevel, filename)
    else:
        raise TypeError("filename must be a str or bytes object, or a file")

    if "t" in mode:
        return _TextWrapper(binary_file, encoding, errors, newline)
    return binary_file


def write32u(output, value):
    output.write(struct.pack("<L", value))


class _PaddedFile:
    """A read-only file that prepends a string to the contents of an actual file."""

    def __init__(self, f, prepend=b''):
        self._buffer = prepend
        self._length = len(prepend)
        self.file = f
        self._read = 0

    def read(self, size):
        if self._read is None:
            return self.file.read(size)
        if self._read + size <= self._length:
            read = self._read
            self._read += size
            return self._buffer[read:self._read]
        read = self._read
        self._read = None
        return self._buffer[read:] + self.file.read(size - self._length + read)

    def prepend(self, prepend=b''):
        if self._read is None:
            self._buffer = prepend
        else:  # Assume data was read since the last prepend() call
            self._read -= len(prepend)
            return
        self._length = len(self._buffer)
        self._read = 0

    def seek(self, off):
        self._read = None
        self._buffer = None
        return self.file.seek(off)


def _read_exact(fp, n):
    data = fp.read(n)
    while len(data) < n:
        b = fp.read(n - len(data))
        if not b:
            raise EOFError(_EOF_MSG)
        data += b
    return data


def _read_gzip_header(fp):
    """Read a gzip header from fp; its mtime, or None at the end of the file."""
    magic = fp.read(2)
    if magic == b'':
        return None
    if magic != b'\037\213':
        raise BadGzipFile('Not a gzipped file (%r)' % magic)
    (method, flag, last_mtime) = struct.unpack("<BBIxx", _read_exact(fp, 8))
    if method != 8:
        raise BadGzipFile('Unknown compression method')
    if flag & FEXTRA:
        extra_len, = struct.unpack("<H", _read_exact(fp, 2))
        _read_exact(fp, extra_len)
    if flag & FNAME:
        while True:
            s = fp.read(1)
            if not s or s == b'\000':
                break
    if flag & FCOMMENT:
        while True:
            s = fp.read(1)
            if not s or s == b'\000':
                break
    if flag & FHCRC:
        _read_exact(fp, 2)
    return last_mtime


class _GzipReader:
    """The decompressed bytes of a sequence of gzip members (CPython's _GzipReader over
    _compression.DecompressReader)."""

    def __init__(self, fp):
        self._fp = _PaddedFile(fp)
        self._pos = 0
        self._decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
        self._new_member = True
        self._last_mtime = None

    def _init_read(self):
        self._crc = zlib.crc32(b"")
        self._stream_size = 0

    def read(self, size=-1):
        if size < 0:
            return self.readall()
        if not size:
            return b""
        while True:
            if self._decompressor.eof:
                self._read_eof()
                self._new_member = True
                self._decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
            if self._new_member:
                self._init_read()
                mtime = _read_gzip_header(self._fp)
                if mtime is None:
                    return b""
                self._last_mtime = mtime
                self._new_member = False
            buf = self._fp.read(io.DEFAULT_BUFFER_SIZE)
            uncompress = self._decompressor.decompress(buf, size)
            if self._decompressor.unconsumed_tail != b"":
                self._fp.prepend(self._decompressor.unconsumed_tail)
            elif self._decompressor.unused_data != b"":
                self._fp.prepend(self._decompressor.unused_data)
            if uncompress != b"":
                break
            if buf == b"":
                raise EOFError(_EOF_MSG)
        self._crc = zlib.crc32(uncompress, self._crc)
        self._stream_size += len(uncompress)
        self._pos += len(uncompress)
        return uncompress

    def readall(self):
        chunks = []
        while True:
            data = self.read(1 << 62)
            if not data:
                return b"".join(chunks)
            chunks.append(data)

    def _read_eof(self):
        crc32, isize = struct.unpack("<II", _read_exact(self._fp, 8))
        if crc32 != self._crc:
            raise BadGzipFile("CRC check failed %s != %s" % (hex(crc32), hex(self._crc)))
        elif isize != (self._stream_size & 0xffffffff):
            raise BadGzipFile("Incorrect length of data produced")
        c = b"\x00"
        while c == b"\x00":
            c = self._fp.read(1)
        if c:
            self._fp.prepend(c)

    def rewind(self):
        self._fp.seek(0)
        self._pos = 0
        self._decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
        self._new_member = True


class GzipFile(io.BufferedIOBase):
    """A gzip file: read(), readline(), iteration, write(), seek() forward, close()."""

    myfileobj = None

    def __init__(self, filename=None, mode=None, compresslevel=_COMPRESS_LEVEL_BEST,
                 fileobj=None, mtime=None):
        if mode and ('t' in mode or 'U' in mode):
            raise ValueError("Invalid mode: {!r}".format(mode))
        if mode and 'b' not in mode:
            mode += 'b'
        if fileobj is None:
            fileobj = self.myfileobj = builtins.open(filename, mode or 'rb')
        if filename is None:
            filename = getattr(fileobj, 'name', '')
            if not isinstance(filename, (str, bytes)):
                filename = ''
        else:
            if not isinstance(filename, (str, bytes)):
                filename = filename.__fspath__()
        if mode is None:
            mode = getattr(fileobj, 'mode', 'rb')

        if mode.startswith('r'):
            self.mode = READ
            self._reader = _GzipReader(fileobj)
            self._rbuf = b""
            self.name = filename
        elif mode.startswith(('w', 'a', 'x')):
            self.mode = WRITE
            self.name = filename
            self.crc = zlib.crc32(b"")
            self.size = 0
            self.offset = 0
            self.compress = zlib.compressobj(compresslevel, zlib.DEFLATED, -zlib.MAX_WBITS,
                                             zlib.DEF_MEM_LEVEL, 0)
            self._write_mtime = mtime
        else:
            raise ValueError("Invalid mode: {!r}".format(mode))

        self.fileobj = fileobj
        if self.mode == WRITE:
            self._write_gzip_header(compresslevel)

    @property
    def mtime(self):
        """Last modification time read from stream, or None"""
        return self._reader._last_mtime

    def __repr__(self):
        s = repr(self.fileobj)
        return '<gzip ' + s[1:-1] + ' ' + hex(id(self)) + '>'

    def _write_gzip_header(self, compresslevel):
        self.fileobj.write(b'\037\213')
        self.fileobj.write(b'\010')
        try:
            fname = os.path.basename(self.name)
            if not isinstance(fname, bytes):
                fname = fname.encode('latin-1')
            if fname.endswith(b'.gz'):
                fname = fname[:-3]
        except UnicodeEncodeError:
            fname = b''
        flags = FNAME if fname else 0
        self.fileobj.write(bytes([flags]))
        mtime = self._write_mtime
        if mtime is None:
            mtime = time.time()
        write32u(self.fileobj, int(mtime))
        if compresslevel == _COMPRESS_LEVEL_BEST:
            xfl = b'\002'
        elif compresslevel == _COMPRESS_LEVEL_FAST:
            xfl = b'\004'
        else:
            xfl = b'\000'
        self.fileobj.write(xfl)
        self.fileobj.write(b'\377')
        if fname:
            self.fileobj.write(fname + b'\000')

    @property
    def closed(self):
        return self.fileobj is None

    def _check_not_closed(self):
        if self.fileobj is None:
            raise ValueError("I/O operation on closed file")

    _check_closed = _check_not_closed

    def _check_mode(self, want, what):
        self._check_not_closed()
        if self.mode != want:
            other = "read-only" if self.mode == READ else "write-only"
            msg = "%s() on %s GzipFile object" % (what, other)
            raise OSError(_EBADF, msg)

    def write(self, data):
        self._check_mode(WRITE, "write")
        if isinstance(data, (bytes, bytearray)):
            length = len(data)
        else:
            data = memoryview(data)
            length = data.nbytes
        if length > 0:
            self.fileobj.write(self.compress.compress(data))
            self.size += length
            self.crc = zlib.crc32(data, self.crc)
            self.offset += length
        return length

    def _fill(self):
        """Add decompressed bytes to the read buffer; False at the end of the data."""
        data = self._reader.read(io.DEFAULT_BUFFER_SIZE)
        if not data:
            return False
        self._rbuf += data
        return True

    def read(self, size=-1):
        self._check_mode(READ, "read")
        if size is None or size < 0:
            data = self._rbuf + self._reader.readall()
            self._rbuf = b""
            return data
        while len(self._rbuf) < size and self._fill():
            pass
        data, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return data

    def read1(self, size=-1):
        self._check_mode(READ, "read1")
        if size < 0:
            size = io.DEFAULT_BUFFER_SIZE
        if not self._rbuf:
            self._fill()
        data, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return data

    def peek(self, n):
        self._check_mode(READ, "peek")
        if not self._rbuf:
            self._fill()
        return self._rbuf

    def readline(self, size=-1):
        self._check_not_closed()
        if self.mode != READ:
            raise io.UnsupportedOperation("readline")
        if size is None:
            size = -1
        start = 0
        while True:
            end = self._rbuf.find(b"\n", start)
            if end >= 0:
                end += 1
                break
            if 0 <= size <= len(self._rbuf):
                break
            start = len(self._rbuf)
            if not self._fill():
                end = len(self._rbuf)
                break
        if 0 <= size < end or end < 0:
            end = size if size >= 0 else len(self._rbuf)
        line, self._rbuf = self._rbuf[:end], self._rbuf[end:]
        return line

    def close(self):
        fileobj = self.fileobj
        if fileobj is None:
            return
        self.fileobj = None
        try:
            if self.mode == WRITE:
                fileobj.write(self.compress.flush())
                write32u(fileobj, self.crc)
                write32u(fileobj, self.size & 0xffffffff)
            else:
                self._rbuf = b""
        finally:
            myfileobj = self.myfileobj
            if myfileobj:
                self.myfileobj = None
                myfileobj.close()

    def flush(self, zlib_mode=zlib.Z_SYNC_FLUSH):
        self._check_not_closed()
        if self.mode == WRITE:
            self.fileobj.write(self.compress.flush(zlib_mode))
            self.fileobj.flush()

    def fileno(self):
        return self.fileobj.fileno()

    def rewind(self):
        """Return the uncompressed stream position to the beginning of the file."""
        if self.mode != READ:
            raise OSError("Can't rewind in write mode")
        self._reader.rewind()
        self._rbuf = b""

    def readable(self):
        return self.mode == READ

    def writable(self):
        return self.mode == WRITE

    def seekable(self):
        return True

    def tell(self):
        self._check_not_closed()
        if self.mode == READ:
            return self._reader._pos - len(self._rbuf)
        return self.offset

    def seek(self, offset, whence=io.SEEK_SET):
        if self.mode == WRITE:
            if whence != io.SEEK_SET:
                if whence == io.SEEK_CUR:
                    offset = self.offset + offset
                else:
                    raise ValueError('Seek from end not supported')
            if offset < self.offset:
                raise OSError('Negative seek in write mode')
            count = offset - self.offset
            chunk = b'\0' * 1024
            for i in range(count // 1024):
                self.write(chunk)
            self.write(b'\0' * (count % 1024))
            return self.offset
        self._check_not_closed()
        pos = self.tell()
        if whence == io.SEEK_CUR:
            offset = pos + offset
        elif whence == io.SEEK_END:
            self.read()
            offset = self.tell() + offset
        elif whence != io.SEEK_SET:
            raise ValueError("Invalid value for whence: {}".format(whence))
        if offset < self.tell():
            self.rewind()
        return self._seek_forward(max(offset, 0))

    def _seek_forward(self, target):
        # Read and drop bytes until the position is `target` (or the end of the data).
        while self.tell() < target:
            if not self.read(min(target - self.tell(), io.DEFAULT_BUFFER_SIZE)):
                break
        return self.tell()


class _TextWrapper(io.TextIOBase):
    """The text layer of gzip.open's 't' modes: encoding, universal newlines on reading
    (newline=None), newline translation on writing."""

    def __init__(self, buffer, encoding=None, errors=None, newline=None):
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        self.buffer = buffer
        self.encoding = "utf-8" if encoding in (None, "locale") else encoding
        self.errors = "strict" if errors is None else errors
        self._newline = newline
        self._pending = ""
        self._eof = False

    @property
    def name(self):
        return self.buffer.name

    @property
    def closed(self):
        return self.buffer.closed

    def _check_closed(self):
        if self.buffer.closed:
            raise ValueError("I/O operation on closed file.")

    def close(self):
        self.buffer.close()

    def flush(self):
        self.buffer.flush()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def _decode(self, data):
        text = data.decode(self.encoding, self.errors)
        if self._newline is None:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text

    def _more(self):
        """Decode another line of the file into the pending text; False at the end."""
        if self._eof:
            return False
        data = self.buffer.readline()
        if not data:
            self._eof = True
            return False
        if self._newline is None and data.endswith(b"\r"):
            data += self.buffer.read(1)  # a "\r\n" split across reads
        self._pending += self._decode(data)
        return True

    def read(self, size=-1):
        self._check_closed()
        if size is None or size < 0:
            rest = self.buffer.read()
            self._eof = True
            text = self._pending + self._decode(rest)
            self._pending = ""
            return text
        while len(self._pending) < size and self._more():
            pass
        text, self._pending = self._pending[:size], self._pending[size:]
        return text

    def _line_end(self):
        """The end of the first line in the pending text, or -1 if it needs more text."""
        p = self._pending
        if self._newline in (None, "\n", "\r\n", "\r"):
            end = "\n" if self._newline is None else self._newline
            i = p.find(end)
            return i + len(end) if i >= 0 else -1
        # newline="": any of \r\n, \n, \r ends a line, untranslated
        for i, c in enumerate(p):
            if c == "\n":
                return i + 1
            if c == "\r":
                if i + 1 < len(p):
                    return i + 2 if p[i + 1] == "\n" else i + 1
                return i + 1 if self._eof else -1
        return -1

    def readline(self, size=-1):
        self._check_closed()
        while True:
            cut = self._line_end()
            if cut >= 0:
                break
            if size is not None and 0 <= size <= len(self._pending):
                cut = size
                break
            if not self._more():
                cut = self._line_end()
                if cut < 0:
                    cut = len(self._pending)
                break
        if size is not None and 0 <= size < cut:
            cut = size
        line, self._pending = self._pending[:cut], self._pending[cut:]
        return line

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        text = s
        if self._newline not in (None, "", "\n"):
            text = text.replace("\n", self._newline)
        self.buffer.write(text.encode(self.encoding, self.errors))
        return len(s)

    def __repr__(self):
        return "<_io.TextIOWrapper name=%r encoding=%r>" % (self.name, self.encoding)


def _create_simple_gzip_header(compresslevel, mtime=None):
    if mtime is None:
        mtime = time.time()
    if compresslevel == _COMPRESS_LEVEL_BEST:
        xfl = 2
    elif compresslevel == _COMPRESS_LEVEL_FAST:
        xfl = 4
    else:
        xfl = 0
    # ID1, ID2, method 8 (deflate), no flags, mtime, xfl, OS 255 (unknown)
    return struct.pack("<BBBBLBB", 0x1f, 0x8b, 8, 0, int(mtime), xfl, 255)


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    """Compress data in one shot and return the compressed string."""
    if mtime == 0:
        return zlib.compress(data, level=compresslevel, wbits=31)
    header = _create_simple_gzip_header(compresslevel, mtime)
    trailer = struct.pack("<LL", zlib.crc32(data), (len(data) & 0xffffffff))
    return header + zlib.compress(data, level=compresslevel, wbits=-15) + trailer


def decompress(data):
    """Decompress a gzip compressed string in one shot (every member)."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
    decompressed_members = []
    while True:
        fp = io.BytesIO(data)
        if _read_gzip_header(fp) is None:
            return b"".join(decompressed_members)
        do = zlib.decompressobj(wbits=-zlib.MAX_WBITS)
        decompressed = do.decompress(data[fp.tell():])
        if not do.eof or len(do.unused_data) < 8:
            raise EOFError(_EOF_MSG)
        crc, length = struct.unpack("<II", do.unused_data[:8])
        if crc != zlib.crc32(decompressed):
            raise BadGzipFile("CRC check failed")
        if length != (len(decompressed) & 0xffffffff):
            raise BadGzipFile("Incorrect length of data produced")
        decompressed_members.append(decompressed)
        data = do.unused_data[8:].lstrip(b"\x00")
