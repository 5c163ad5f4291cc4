"""zlib: compress, decompress, compressobj/decompressobj, crc32 and adler32 over the Rust core
`_gilvm_zlib` (the system libz, so the compressed bytes are CPython's own).

Work on inputs of 2048 bytes or more releases the GIL, as CPython's does, so threads
compressing big buffers run in parallel.
"""

import _gilvm_zlib as _z

MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_DEFAULT_COMPRESSION = -1
Z_FILTERED = 1
Z_HUFFMAN_ONLY = 2
Z_RLE = 3
Z_FIXED = 4
Z_DEFAULT_STRATEGY = 0
Z_NO_FLUSH = 0
Z_PARTIAL_FLUSH = 1
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
Z_FINISH = 4
Z_BLOCK = 5
Z_TREES = 6
ZLIB_VERSION = _z.version()
ZLIB_RUNTIME_VERSION = ZLIB_VERSION


class error(Exception):
    pass


def compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS):
    return _z.compress(error, data, level, wbits)


def decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    return _z.decompress(error, data, wbits, bufsize)


def _u32(value):
    # Argument Clinic's unsigned_int(bitwise=True): any integer, its low 32 bits.
    if not isinstance(value, int):
        index = getattr(type(value), '__index__', None)
        if index is None:
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(value).__name__)
        value = index(value)
    return value & 0xFFFFFFFF


def crc32(data, value=0, /):
    return _z.crc32(data, _u32(value))


def adler32(data, value=1, /):
    return _z.adler32(data, _u32(value))


class Compress:
    """A compression object (from compressobj)."""

    __slots__ = ('_h',)

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'zlib.Compress' instances")

    def compress(self, data, /):
        return _z.c_compress(error, self._h, data)

    def flush(self, mode=Z_FINISH, /):
        return _z.c_flush(error, self._h, mode)

    def copy(self):
        return _wrap(_Compress, _z.c_copy(self._h))

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo, /):
        return self.copy()


class Decompress:
    """A decompression object (from decompressobj)."""

    __slots__ = ('_h', '_unused_data', '_unconsumed_tail', '_eof')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'zlib.Decompress' instances")

    @property
    def unused_data(self):
        return self._unused_data

    @property
    def unconsumed_tail(self):
        return self._unconsumed_tail

    @property
    def eof(self):
        return self._eof

    def _set(self, state):
        out, self._unused_data, self._unconsumed_tail, self._eof = state
        return out

    def decompress(self, data, /, max_length=0):
        return self._set(_z.d_decompress(error, self._h, data, max_length))

    def flush(self, length=DEF_BUF_SIZE, /):
        return self._set(_z.d_flush(error, self._h, length))

    def copy(self):
        d = _wrap(_Decompress, _z.d_copy(self._h))
        d._unused_data = self._unused_data
        d._unconsumed_tail = self._unconsumed_tail
        d._eof = self._eof
        return d

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo, /):
        return self.copy()


# Not module attributes in CPython either; the classes still print as zlib.Compress.
_Compress, _Decompress = Compress, Decompress
del Compress, Decompress


def _wrap(cls, handle):
    obj = object.__new__(cls)
    obj._h = handle
    return obj


def compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS,
                memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None):
    if zdict is not None and not isinstance(zdict, (bytes, bytearray, memoryview)):
        raise TypeError("a bytes-like object is required, not '%s'" % type(zdict).__name__)
    return _wrap(_Compress, _z.compressobj(error, level, method, wbits, memLevel, strategy,
                                          zdict))


def decompressobj(wbits=MAX_WBITS, zdict=b''):
    d = _wrap(_Decompress, _z.decompressobj(error, wbits, zdict if zdict != b'' else None))
    d._unused_data = b''
    d._unconsumed_tail = b''
    d._eof = False
    return d
