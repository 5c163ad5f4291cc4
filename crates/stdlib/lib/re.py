"""Regular expressions (CPython's re module, written for gilvm).

Patterns are translated from CPython's syntax and matched by the native `_gilvm_re` module
(fancy-regex); this file holds the Python-visible objects: the flags, `re.error`, `Pattern`,
`Match`, replacement templates, `split`, and the compile cache. Bytes patterns and strings
are matched through their latin-1 decoding, with the ASCII flag (as CPython's bytes
patterns are).
"""

import _gilvm_re

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

_MAXSIZE = 9223372036854775807

try:
    _BYTES = (bytes, bytearray)
except NameError:
    _BYTES = (bytes,)

_FLAG_NAMES = [
    (1, "TEMPLATE"), (2, "IGNORECASE"), (4, "LOCALE"), (8, "MULTILINE"),
    (16, "DOTALL"), (32, "UNICODE"), (64, "VERBOSE"), (128, "DEBUG"), (256, "ASCII"),
]


class RegexFlag(int):
    """The flags, as ints that print as `re.IGNORECASE|re.MULTILINE`."""

    def __new__(cls, value=0):
        return int.__new__(cls, value)

    def __repr__(self):
        v = int(self)
        if v == 0:
            return "re.NOFLAG"
        if v < 0:
            return "~" + repr(RegexFlag(~v))
        parts = []
        for bit, name in _FLAG_NAMES:
            if v & bit:
                parts.append("re." + name)
                v &= ~bit
        if v:
            parts.append(hex(v))
        return "|".join(parts)

    __str__ = __repr__

    @property
    def name(self):
        r = repr(self)
        return None if "0x" in r else r.replace("re.", "")

    @property
    def value(self):
        return int(self)

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 511)

    def __hash__(self):
        return hash(int(self))


NOFLAG = RegexFlag(0)
TEMPLATE = T = RegexFlag(1)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
UNICODE = U = RegexFlag(32)
VERBOSE = X = RegexFlag(64)
DEBUG = RegexFlag(128)
ASCII = A = RegexFlag(256)


class error(Exception):
    """A pattern or template that is not a valid regular expression."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = "re"
PatternError = error


def _type_error(s):
    return TypeError(
        "expected string or bytes-like object, got '%s'" % type(s).__name__
    )


class Pattern:
    """A compiled regular expression (`re.compile`'s result)."""

    def __init__(self, pattern, flags):
        is_bytes = isinstance(pattern, _BYTES)
        if is_bytes:
            if flags & UNICODE:
                raise ValueError("cannot use UNICODE flag with a bytes pattern")
            if flags & LOCALE and flags & ASCII:
                raise ValueError("ASCII and LOCALE flags are incompatible")
            source = bytes(pattern).decode("latin-1")
            cflags = (int(flags) & ~4) | 256
        elif isinstance(pattern, str):
            source = pattern
            cflags = int(flags)
        else:
            raise TypeError("first argument must be string or compiled pattern")
        r = _gilvm_re.compile(source, cflags)
        if r[0] is None:
            if r[3] == 1:
                raise OverflowError(r[1])
            if r[3] == 2:
                raise ValueError(r[1])
            raise error(r[1], pattern, r[2])
        self._h = r[0]
        self._bytes = is_bytes
        f = r[1]
        if is_bytes:
            f = (f & ~256 & ~32) | (int(flags) & 260)
        self.pattern = pattern
        self.flags = f
        self.groups = r[2]
        self._groupindex = dict(r[3])
        self._names = {i: n for n, i in r[3]}
        self._template_cache = {}

    @property
    def groupindex(self):
        return _mappingproxy(self._groupindex)

    def __repr__(self):
        p = repr(self.pattern)
        if len(p) > 200:
            p = p[:200]
        flags = self.flags
        if not self._bytes:
            flags &= ~32
        if flags:
            return "re.compile(%s, %r)" % (p, RegexFlag(flags))
        return "re.compile(%s)" % p

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _text(self, string):
        if self._bytes:
            if isinstance(string, str):
                raise TypeError("cannot use a bytes pattern on a string-like object")
            if not isinstance(string, _BYTES):
                raise _type_error(string)
            return bytes(string).decode("latin-1")
        if isinstance(string, str):
            return string
        if isinstance(string, _BYTES):
            raise TypeError("cannot use a string pattern on a bytes-like object")
        raise _type_error(string)

    def _out(self, s):
        return s.encode("latin-1") if self._bytes else s

    def _find(self, string, pos, endpos, mode):
        text = self._text(string)
        spans = _gilvm_re.search(self._h, text, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, text, spans, pos, endpos)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._find(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._find(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._find(string, pos, endpos, 2)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        text = self._text(string)
        found = _gilvm_re.findall(self._h, text, pos, endpos)
        if self._bytes:
            found = [
                tuple(x.encode("latin-1") for x in f) if isinstance(f, tuple)
                else f.encode("latin-1")
                for f in found
            ]
        return found

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        text = self._text(string)
        for spans in _gilvm_re.scan(self._h, text, pos, endpos, 0):
            yield Match(self, string, text, spans, pos, endpos)

    def _template(self, repl):
        t = self._template_cache.get(repl)
        if t is None:
            t = _parse_template(repl, self)
            if len(self._template_cache) > 100:
                self._template_cache.clear()
            self._template_cache[repl] = t
        return t

    def subn(self, repl, string, count=0):
        text = self._text(string)
        if callable(repl):
            fn = repl
            literal = None
            template = None
        else:
            if self._bytes:
                if not isinstance(repl, _BYTES):
                    raise TypeError("expected a bytes-like object, %s found" % type(repl).__name__)
                repl_text = bytes(repl).decode("latin-1")
            elif isinstance(repl, str):
                repl_text = repl
            else:
                raise TypeError("expected str instance, %s found" % type(repl).__name__)
            fn = None
            if "\\" in repl_text:
                template = self._template(repl_text)
                literal = template[0] if len(template) == 1 and isinstance(template[0], str) else None
            else:
                template = None
                literal = repl_text
        if count < 0:
            return self._out(text) if not self._bytes else bytes(string), 0
        pieces = []
        last = 0
        n = 0
        for spans in _gilvm_re.scan(self._h, text, 0, _MAXSIZE, count):
            s, e = spans[0], spans[1]
            pieces.append(text[last:s])
            if literal is not None:
                pieces.append(literal)
            elif fn is not None:
                r = fn(Match(self, string, text, spans, 0, _MAXSIZE))
                if self._bytes:
                    if not isinstance(r, _BYTES):
                        raise TypeError("expected a bytes-like object, %s found" % type(r).__name__)
                    r = bytes(r).decode("latin-1")
                elif not isinstance(r, str):
                    raise TypeError("expected str instance, %s found" % type(r).__name__)
                pieces.append(r)
            else:
                pieces.append(_expand(template, text, spans))
            last = e
            n += 1
        pieces.append(text[last:])
        return self._out("".join(pieces)), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def split(self, string, maxsplit=0):
        text = self._text(string)
        if maxsplit < 0:
            return [string]
        out = []
        last = 0
        groups = self.groups
        for spans in _gilvm_re.scan(self._h, text, 0, _MAXSIZE, maxsplit):
            out.append(self._out(text[last:spans[0]]))
            for g in range(1, groups + 1):
                gs, ge = spans[2 * g], spans[2 * g + 1]
                out.append(None if gs < 0 else self._out(text[gs:ge]))
            last = spans[1]
        out.append(self._out(text[last:]))
        return out

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        raise NotImplementedError("gilvm: Pattern.scanner is not implemented")


def _mappingproxy(d):
    try:
        return type(type.__dict__)(d)
    except Exception:
        return dict(d)


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, text, spans, pos, endpos):
        self.re = pattern
        self.string = string
        self._text = text
        self._spans = spans
        n = len(text)
        self.pos = min(max(pos, 0), n)
        self.endpos = min(max(endpos, 0), n)

    def _index(self, g):
        if isinstance(g, int):
            g = int(g)
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, str):
            i = self.re._groupindex.get(g)
            if i is not None:
                return i
        elif hasattr(type(g), "__index__"):
            return self._index(g.__index__())
        raise IndexError("no such group")

    def _get(self, i, default=None):
        s, e = self._spans[2 * i], self._spans[2 * i + 1]
        if s < 0:
            return default
        return self.re._out(self._text[s:e])

    def group(self, *args):
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(self._index(args[0]))
        return tuple(self._get(self._index(a)) for a in args)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {n: self._get(i, default) for n, i in self.re._groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def regs(self):
        return tuple(
            (self._spans[2 * i], self._spans[2 * i + 1]) for i in range(self.re.groups + 1)
        )

    @property
    def lastindex(self):
        best = None
        best_key = None
        for i in range(1, self.re.groups + 1):
            s, e = self._spans[2 * i], self._spans[2 * i + 1]
            if s < 0:
                continue
            key = (e, -s, -i)
            if best_key is None or key > best_key:
                best, best_key = i, key
        return best

    @property
    def lastgroup(self):
        i = self.lastindex
        if i is None:
            return None
        return self.re._names.get(i)

    def expand(self, template):
        if self.re._bytes:
            t = bytes(template).decode("latin-1")
        else:
            t = template
        return self.re._out(_expand(_parse_template(t, self.re), self._text, self._spans))

    def __bool__(self):
        return True

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%r>" % (
            self._spans[0], self._spans[1], self.group(0))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


Pattern.__module__ = "re"
Match.__module__ = "re"

_OCT = "01234567"
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
            "v": "\v", "\\": "\\"}
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _parse_template(repl, pattern):
    """A replacement template as a list of str pieces and int group numbers."""
    items = []
    lit = []
    i = 0
    n = len(repl)

    def fail(msg, pos):
        raise error(msg, repl, pos)

    def addgroup(index, pos):
        if index > pattern.groups:
            fail("invalid group reference %d" % index, pos)
        if lit:
            items.append("".join(lit))
            lit.clear()
        items.append(index)

    while i < n:
        c = repl[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        if i + 1 >= n:
            fail("bad escape (end of pattern)", i)
        c = repl[i + 1]
        start = i
        i += 2
        if c == "g":
            if i >= n or repl[i] != "<":
                fail("missing <", i)
            j = repl.find(">", i + 1)
            if j < 0:
                name = repl[i + 1:]
                if not name:
                    fail("missing group name", i + 1)
                fail("missing >, unterminated name", i + 1)
            name = repl[i + 1:j]
            if not name:
                fail("missing group name", i + 1)
            i = j + 1
            if name.isidentifier():
                index = pattern._groupindex.get(name)
                if index is None:
                    raise IndexError("unknown group name %r" % name)
            else:
                if name.isdigit() and name.isascii():
                    index = int(name)
                else:
                    fail("bad character in group name %r" % name, j - len(name))
            addgroup(index, j - len(name))
        elif c == "0":
            digits = c
            while len(digits) < 3 and i < n and repl[i] in _OCT:
                digits += repl[i]
                i += 1
            lit.append(chr(int(digits, 8) & 0xFF))
        elif c.isdigit() and c.isascii():
            digits = c
            if i < n and repl[i].isdigit() and repl[i].isascii():
                digits += repl[i]
                i += 1
                if (digits[0] in _OCT and digits[1] in _OCT and i < n and repl[i] in _OCT):
                    digits += repl[i]
                    i += 1
                    v = int(digits, 8)
                    if v > 0o377:
                        fail("octal escape value \\%s outside of range 0-0o377" % digits, start)
                    lit.append(chr(v))
                    continue
            addgroup(int(digits), start + 1)
        elif c in _ESCAPES:
            lit.append(_ESCAPES[c])
        elif c in _ASCII_LETTERS:
            fail("bad escape \\%s" % c, start)
        else:
            lit.append("\\" + c)
    if lit:
        items.append("".join(lit))
    return items


def _expand(template, text, spans):
    out = []
    for item in template:
        if isinstance(item, str):
            out.append(item)
        else:
            s = spans[2 * item]
            if s >= 0:
                out.append(text[s:spans[2 * item + 1]])
    return "".join(out)


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    p = Pattern(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        try:
            del _cache[next(iter(_cache))]
        except (StopIteration, KeyError):
            pass
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def purge():
    _cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags | TEMPLATE)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


_SPECIAL = {c: "\\" + c for c in "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    if isinstance(pattern, str):
        return "".join(_SPECIAL.get(c, c) for c in pattern)
    s = bytes(pattern).decode("latin-1")
    return "".join(_SPECIAL.get(c, c) for c in s).encode("latin-1")
