"""array: typed arrays of numbers (and of 'u' characters), CPython 3.11's API and messages.

The items live in a Python list, checked and converted on the way in as CPython's C types
would (range checks with CPython's OverflowError messages, 'f' rounded to single precision);
the byte forms (tobytes, frombytes, byteswap) go through struct with x86_64 Linux's native
sizes. Not a buffer object: memoryview(a) and file.write(a) want a.tobytes() here.
"""

import struct as _struct

__all__ = ['array', 'ArrayType', 'typecodes']

typecodes = 'bBuhHiIlLqQfd'

_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8,
          'q': 8, 'Q': 8, 'f': 4, 'd': 8}
_PACK = {'u': 'I'}

_LONG = 'Python int too large to convert to C long'
_ULONG = 'Python int too large to convert to C unsigned long'
_NEG_U = "can't convert negative value to unsigned int"
# typecode: (lowest, highest, message below, message above, message for no C long)
_RANGES = {
    'b': (-128, 127, 'signed char is less than minimum', 'signed char is greater than maximum'),
    'B': (0, 255, 'unsigned byte integer is less than minimum',
          'unsigned byte integer is greater than maximum'),
    'h': (-32768, 32767, 'signed short integer is less than minimum',
          'signed short integer is greater than maximum'),
    'H': (0, 65535, 'unsigned short is less than minimum', 'unsigned short is greater than maximum'),
    'i': (-2**31, 2**31 - 1, 'signed integer is less than minimum',
          'signed integer is greater than maximum'),
}


def _index(v):
    if type(v) is int:
        return v
    if isinstance(v, int):
        return int(v)
    try:
        m = type(v).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(v).__name__) from None
    return m(v)


def _conv(tc, v):
    """v as an item of an array of typecode tc (the C conversion CPython does)."""
    if tc == 'd' or tc == 'f':
        if type(v) is not float:
            if isinstance(v, (int, float)) or hasattr(type(v), '__float__') \
                    or hasattr(type(v), '__index__'):
                v = float(v)
            else:
                raise TypeError('must be real number, not ' + type(v).__name__)
        if tc == 'f':
            try:
                v = _struct.unpack('f', _struct.pack('f', v))[0]
            except OverflowError:
                v = float('inf') if v > 0 else float('-inf')
        return v
    if tc == 'u':
        if type(v) is str and len(v) == 1 or isinstance(v, str) and len(v) == 1:
            return str(v)
        raise TypeError('array item must be unicode character')
    if type(v) is not int:
        v = _index(v)
    r = _RANGES.get(tc)
    if r is not None:
        if v < -2**63 or v >= 2**63:
            raise OverflowError(_LONG)
        if v < r[0]:
            raise OverflowError(r[2])
        if v > r[1]:
            raise OverflowError(r[3])
        return v
    if tc == 'l':
        if v < -2**63 or v >= 2**63:
            raise OverflowError(_LONG)
    elif tc == 'q':
        if v < -2**63 or v >= 2**63:
            raise OverflowError('int too big to convert')
    elif tc == 'Q':
        if v < 0:
            raise OverflowError("can't convert negative int to unsigned")
        if v >= 2**64:
            raise OverflowError('int too big to convert')
    else:  # I, L
        if v < 0:
            raise OverflowError(_NEG_U)
        if v >= 2**64:
            raise OverflowError(_ULONG)
        if tc == 'I' and v >= 2**32:
            raise OverflowError('unsigned int is greater than maximum')
    return v


def _typecode_arg(typecode):
    if not isinstance(typecode, str) or len(typecode) != 1:
        raise TypeError('array() argument 1 must be a unicode character, not '
                        + type(typecode).__name__)
    if typecode not in _SIZES:
        raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
    return typecode


def _is_bytes_like(v):
    return isinstance(v, (bytes, bytearray, memoryview))


class array:
    """array(typecode [, initializer]) -> array"""

    __slots__ = ('_tc', '_d')

    def __init__(self, typecode, initializer=None, /):
        tc = _typecode_arg(typecode)
        self._tc = tc
        self._d = []
        if initializer is None:
            return
        if isinstance(initializer, str):
            if tc != 'u':
                raise TypeError("cannot use a str to initialize an array with typecode '%s'"
                                % tc)
            self.fromunicode(initializer)
        elif _is_bytes_like(initializer):
            self.frombytes(initializer)
        elif isinstance(initializer, array):
            if (initializer._tc == 'u') != (tc == 'u') and initializer._tc == 'u':
                raise TypeError("cannot use a unicode array to initialize an array with "
                                "typecode '%s'" % tc)
            self._d = [_conv(tc, v) for v in initializer._d]
        else:
            self._d = [_conv(tc, v) for v in initializer]

    @property
    def typecode(self):
        return self._tc

    @property
    def itemsize(self):
        return _SIZES[self._tc]

    def _new(self, items):
        a = array.__new__(type(self) if type(self) is array else array)
        a._tc = self._tc
        a._d = items
        return a

    # -- sequence protocol
    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)

    def __contains__(self, x):
        return x in self._d

    def __getitem__(self, i):
        if type(i) is int:
            try:
                return self._d[i]
            except IndexError:
                raise IndexError('array index out of range') from None
        if isinstance(i, slice):
            return self._new(self._d[i])
        try:
            i = _index(i)
        except TypeError:
            raise TypeError('array indices must be integers') from None
        return self[i]

    def __setitem__(self, i, v):
        if type(i) is int:
            if self._tc != 'd' or type(v) is not float:
                v = _conv(self._tc, v)
            try:
                self._d[i] = v
            except IndexError:
                raise IndexError('array assignment index out of range') from None
            return
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice'
                                % type(v).__name__)
            if v._tc != self._tc:
                raise TypeError('bad argument type for built-in operation')
            items = list(v._d)
            if i.step is not None and i.step != 1:
                n = len(range(*i.indices(len(self._d))))
                if n != len(items):
                    raise ValueError('attempt to assign array of size %d to extended slice '
                                     'of size %d' % (len(items), n))
            self._d[i] = items
            return
        try:
            i = _index(i)
        except TypeError:
            raise TypeError('array indices must be integers') from None
        self[i] = v

    def __delitem__(self, i):
        if type(i) is int:
            try:
                del self._d[i]
            except IndexError:
                raise IndexError('array assignment index out of range') from None
            return
        if isinstance(i, slice):
            del self._d[i]
            return
        try:
            i = _index(i)
        except TypeError:
            raise TypeError('array indices must be integers') from None
        del self[i]

    # -- operators
    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError('bad argument type for built-in operation')
        return self._new(self._d + other._d)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")'
                            % type(other).__name__)
        self.extend(other)
        return self

    def __mul__(self, n):
        if not isinstance(n, int) and not hasattr(type(n), '__index__'):
            raise TypeError("can't multiply sequence by non-int of type '%s'"
                            % type(n).__name__)
        return self._new(self._d * _index(n))

    __rmul__ = __mul__

    def __imul__(self, n):
        if not isinstance(n, int) and not hasattr(type(n), '__index__'):
            raise TypeError("can't multiply sequence by non-int of type '%s'"
                            % type(n).__name__)
        self._d *= _index(n)
        return self

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._d == other._d

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._d != other._d

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._d < other._d

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._d <= other._d

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._d > other._d

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._d >= other._d

    __hash__ = None

    # -- list-like methods
    def append(self, v, /):
        self._d.append(_conv(self._tc, v))

    def extend(self, iterable, /):
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError('can only extend with array of same kind')
            self._d.extend(iterable._d)
            return
        tc = self._tc
        d = self._d
        for v in iterable:
            d.append(_conv(tc, v))

    def insert(self, i, v, /):
        i = _index(i)
        self._d.insert(i, _conv(self._tc, v))

    def pop(self, i=-1, /):
        i = _index(i)
        if not self._d:
            raise IndexError('pop from empty array')
        try:
            return self._d.pop(i)
        except IndexError:
            raise IndexError('pop index out of range') from None

    def remove(self, v, /):
        try:
            self._d.remove(v)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None

    def index(self, v, start=0, stop=None, /):
        n = len(self._d)
        stop = n if stop is None else _index(stop)
        try:
            return self._d.index(v, _index(start), stop)
        except ValueError:
            raise ValueError('array.index(x): x not in array') from None

    def count(self, v, /):
        return self._d.count(v)

    def reverse(self):
        self._d.reverse()

    def buffer_info(self):
        return (id(self), len(self._d))

    # -- conversions
    def _fmt(self, n):
        return '%d%s' % (n, _PACK.get(self._tc, self._tc))

    def tobytes(self):
        d = self._d
        if self._tc == 'u':
            d = [ord(c) for c in d]
        return _struct.pack(self._fmt(len(d)), *d)

    def frombytes(self, buffer, /):
        if not _is_bytes_like(buffer):
            raise TypeError("a bytes-like object is required, not '%s'"
                            % type(buffer).__name__)
        buffer = bytes(buffer)
        size = _SIZES[self._tc]
        if len(buffer) % size:
            raise ValueError('bytes length not a multiple of item size')
        items = _struct.unpack(self._fmt(len(buffer) // size), buffer)
        if self._tc == 'u':
            items = [chr(c) for c in items]
        self._d.extend(items)

    def byteswap(self):
        size = _SIZES[self._tc]
        raw = self.tobytes()
        out = bytearray()
        for k in range(0, len(raw), size):
            out += raw[k:k + size][::-1]
        d = self._d
        self._d = []
        try:
            self.frombytes(bytes(out))
        except BaseException:
            self._d = d
            raise

    def tolist(self):
        return list(self._d)

    def fromlist(self, items, /):
        if not isinstance(items, list):
            raise TypeError('arg must be list')
        tc = self._tc
        self._d.extend([_conv(tc, v) for v in items])

    def tounicode(self):
        if self._tc != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._d)

    def fromunicode(self, s, /):
        if not isinstance(s, str):
            raise TypeError('fromunicode() argument must be str, not ' + type(s).__name__)
        if self._tc != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        self._d.extend(s)

    def __bytes__(self):
        return self.tobytes()

    def __copy__(self):
        return self._new(list(self._d))

    def __deepcopy__(self, memo):
        return self._new(list(self._d))

    def __reduce_ex__(self, protocol):
        return (type(self), (self._tc, list(self._d)))

    def __repr__(self):
        name = type(self).__name__
        if not self._d:
            return "%s('%s')" % (name, self._tc)
        if self._tc == 'u':
            return '%s(%r, %r)' % (name, self._tc, ''.join(self._d))
        return '%s(%r, %r)' % (name, self._tc, self._d)


ArrayType = array
