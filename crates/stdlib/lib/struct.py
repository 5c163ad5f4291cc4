"""struct: pack and unpack binary records, over the Rust core `_gilvm_struct`.

Byte orders @ = < > !, codes x c b B ? h H i I l L q Q n N e f d s p P with repeat counts,
native sizes and alignment of x86_64 Linux; CPython 3.11's error messages.
"""

import _gilvm_struct as _s

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack',
           'Struct', 'error']


class error(Exception):
    pass


error.__module__ = 'struct'


def _fmt(format):
    if isinstance(format, str):
        return format
    if isinstance(format, bytes):
        return format.decode('latin-1')
    raise TypeError("Struct() argument 1 must be a str or bytes object, not "
                    + type(format).__name__)


def _unpack_iter(st, buffer):
    size = st.size
    view = bytes(buffer)
    for off in range(0, len(view), size):
        yield _s.unpack(error, st._f, view, off)


class Struct:
    """A compiled format: format, size, pack, pack_into, unpack, unpack_from, iter_unpack."""

    __module__ = '_struct'

    def __init__(self, format):
        self._f = _fmt(format)
        self.format = self._f
        self.size, self._n = _s.calcsize(error, self._f)

    def pack(self, *v):
        return _s.pack(error, self._f, v)

    def pack_into(self, buffer, offset, *v):
        data = _s.pack(error, self._f, v)
        if not (isinstance(buffer, bytearray)
                or (isinstance(buffer, memoryview) and not buffer.readonly)):
            raise TypeError("argument must be read-write bytes-like object, not "
                            + type(buffer).__name__)
        n = len(buffer)
        offset = offset.__index__()
        if offset < 0:
            if offset + n < 0:
                raise error(f"offset {offset} out of range for {n}-byte buffer")
            offset += n
        if n - offset < self.size:
            raise error(f"pack_into requires a buffer of at least {self.size + offset} "
                        f"bytes for packing {self.size} bytes at offset {offset} "
                        f"(actual buffer size is {n})")
        buffer[offset:offset + self.size] = data

    def unpack(self, buffer, /):
        return _s.unpack(error, self._f, buffer)

    def unpack_from(self, buffer, offset=0):
        n = _s.nbytes(buffer)
        offset = offset.__index__()
        if offset < 0:
            if offset + n < 0:
                raise error(f"offset {offset} out of range for {n}-byte buffer")
            offset += n
        if n - offset < self.size:
            raise error(f"unpack_from requires a buffer of at least {self.size + offset} "
                        f"bytes for unpacking {self.size} bytes at offset {offset} "
                        f"(actual buffer size is {n})")
        return _s.unpack(error, self._f, buffer, offset)

    def iter_unpack(self, buffer):
        if self.size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        if _s.nbytes(buffer) % self.size:
            raise error("iterative unpacking requires a buffer of a multiple of "
                        f"{self.size} bytes")
        return _unpack_iter(self, buffer)


_cache = {}


def _st(format):
    s = _cache.get(format)
    if s is None:
        if len(_cache) > 100:
            _cache.clear()
        s = _cache[format] = Struct(format)
    return s


def calcsize(format, /):
    return _st(format).size


def pack(format, /, *v):
    return _s.pack(error, format, v)


def pack_into(format, buffer, offset, /, *v):
    return _st(format).pack_into(buffer, offset, *v)


def unpack(format, buffer, /):
    return _s.unpack(error, format, buffer)


def unpack_from(format, /, buffer, offset=0):
    return _st(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer, /):
    return _st(format).iter_unpack(buffer)
