"""codecs: lookup, encode/decode, incremental coders and the BOM constants, over the VM's
text codecs (`_gilvm_codecs`: UTF-8, utf-8-sig, ASCII, Latin-1, UTF-16 and UTF-32).

No codec registry (`register`, `register_error`), no stream readers/writers; `codecs.open`
with an encoding is the built-in `open` in text mode with that encoding.
"""

import _gilvm_codecs as _c

__all__ = ['lookup', 'encode', 'decode', 'getencoder', 'getdecoder', 'getincrementalencoder',
           'getincrementaldecoder', 'iterencode', 'iterdecode', 'open', 'CodecInfo',
           'IncrementalEncoder', 'IncrementalDecoder', 'BufferedIncrementalDecoder',
           'BOM', 'BOM_BE', 'BOM_LE', 'BOM_UTF8', 'BOM_UTF16', 'BOM_UTF16_BE', 'BOM_UTF16_LE',
           'BOM_UTF32', 'BOM_UTF32_BE', 'BOM_UTF32_LE']

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_UTF16_LE = BOM_LE = b'\xff\xfe'
BOM_UTF16_BE = BOM_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
BOM = BOM_UTF16 = BOM_UTF16_LE
BOM_UTF32 = BOM_UTF32_LE


def _fn_name(name, what):
    base = 'latin_1' if name == 'iso8859-1' else name.replace('-', '_')
    return base + '_' + what


def _check_errors(errors):
    if not isinstance(errors, str):
        raise TypeError("argument 'errors' must be str, not " + type(errors).__name__)


def _make_encode(name):
    def encode(input, errors='strict'):
        if not isinstance(input, str):
            raise TypeError('%s() argument 1 must be str, not %s'
                            % (_fn_name(name, 'encode'), type(input).__name__))
        _check_errors(errors)
        return _c.encode(input, name, errors), len(input)
    encode.__name__ = _fn_name(name, 'encode')
    return encode


def _make_decode(name):
    def decode(input, errors='strict', final=False):
        if not isinstance(input, (bytes, bytearray, memoryview)):
            raise TypeError("a bytes-like object is required, not '%s'"
                            % type(input).__name__)
        _check_errors(errors)
        text, used = _c.decode(input, name, errors, True)
        return text, used
    decode.__name__ = _fn_name(name, 'decode')
    return decode


class IncrementalEncoder:
    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ''

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class IncrementalDecoder:
    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b'', 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    """Keeps the bytes that do not decode yet (a split sequence) for the next call."""

    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b''

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + bytes(input)
        result, consumed = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalDecoder.reset(self)
        self.buffer = b''

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


def _make_incremental(name):
    # A BOM-marked codec writes its BOM once, then goes on in little-endian.
    tail = {'utf-16': 'utf-16-le', 'utf-32': 'utf-32-le', 'utf-8-sig': 'utf-8'}.get(name, name)

    class _Encoder(IncrementalEncoder):
        def __init__(self, errors='strict'):
            IncrementalEncoder.__init__(self, errors)
            self._name = name

        def encode(self, input, final=False):
            out = _c.encode(input, self._name, self.errors)
            self._name = tail
            return out

        def reset(self):
            self._name = name

    class _Decoder(BufferedIncrementalDecoder):
        def __init__(self, errors='strict'):
            BufferedIncrementalDecoder.__init__(self, errors)
            self._name = name

        def _buffer_decode(self, input, errors, final):
            if self._name == 'utf-8-sig':
                if len(input) < 3 and BOM_UTF8.startswith(input):
                    return '', 0  # even when final, as CPython's decoder does
                text, used = _c.decode(input, name, errors, final)
                if used or final:
                    self._name = tail
                return text, used
            if self._name != tail:
                width = 2 if name == 'utf-16' else 4
                if len(input) < width and not final:
                    return '', 0
                be = BOM_UTF16_BE if width == 2 else BOM_UTF32_BE
                le = BOM_UTF16_LE if width == 2 else BOM_UTF32_LE
                if input.startswith(be):
                    self._name = name + '-be'
                    text, used = _c.decode(input[width:], self._name, errors, final)
                    return text, used + width
                self._name = tail
                if input.startswith(le):
                    text, used = _c.decode(input[width:], tail, errors, final)
                    return text, used + width
            return _c.decode(input, self._name, errors, final)

        def reset(self):
            BufferedIncrementalDecoder.reset(self)
            self._name = name

    _Encoder.__name__ = _Encoder.__qualname__ = 'IncrementalEncoder'
    _Decoder.__name__ = _Decoder.__qualname__ = 'IncrementalDecoder'
    return _Encoder, _Decoder


class CodecInfo(tuple):
    """The codec's functions and classes, as `lookup` gives them."""

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None, **kwargs):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        return self

    def __repr__(self):
        return '<%s.%s object for encoding %s at %#x>' % (
            self.__class__.__module__, self.__class__.__qualname__, self.name, id(self))


_cache = {}


def lookup(encoding, /):
    if not isinstance(encoding, str):
        raise TypeError('lookup() argument must be str, not ' + type(encoding).__name__)
    name = _c.lookup(encoding)
    if name is None:
        raise LookupError('unknown encoding: ' + encoding)
    info = _cache.get(name)
    if info is None:
        enc, dec = _make_incremental(name)
        info = CodecInfo(_make_encode(name), _make_decode(name), incrementalencoder=enc,
                         incrementaldecoder=dec, name=name)
        _cache[name] = info
    return info


def encode(obj, encoding='utf-8', errors='strict'):
    info = lookup(encoding)
    try:
        return info.encode(obj, errors)[0]
    except TypeError as e:
        raise TypeError("encoding with '%s' codec failed (TypeError: %s)"
                        % (encoding, e)) from None


def decode(obj, encoding='utf-8', errors='strict'):
    info = lookup(encoding)
    try:
        return info.decode(obj, errors)[0]
    except TypeError as e:
        raise TypeError("decoding with '%s' codec failed (TypeError: %s)"
                        % (encoding, e)) from None


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    return lookup(encoding).incrementalencoder


def getincrementaldecoder(encoding):
    return lookup(encoding).incrementaldecoder


def iterencode(iterator, encoding, errors='strict', **kwargs):
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode('', True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b'', True)
    if output:
        yield output


def utf_8_encode(input, errors='strict'):
    return lookup('utf-8').encode(input, errors)


def utf_8_decode(input, errors='strict', final=False):
    text, used = _c.decode(input, 'utf-8', errors, final)
    return text, used


def latin_1_encode(input, errors='strict'):
    return lookup('latin-1').encode(input, errors)


def latin_1_decode(input, errors='strict'):
    return lookup('latin-1').decode(input, errors)


def ascii_encode(input, errors='strict'):
    return lookup('ascii').encode(input, errors)


def ascii_decode(input, errors='strict'):
    return lookup('ascii').decode(input, errors)


_open = open


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    if encoding is None:
        return _open(filename, mode, buffering)
    lookup(encoding)
    return _open(filename, mode.replace('b', ''), buffering, encoding=encoding, errors=errors)
