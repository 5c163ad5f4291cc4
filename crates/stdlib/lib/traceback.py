"""traceback: printing and formatting exceptions as CPython does. gilvm keeps a traceback
inside its exception (traceback objects are opaque), so everything here works from the
exception value: `_gilvm_tb` gives its frames and the VM's text for it."""

import sys
import _gilvm_tb

__all__ = ['extract_stack', 'extract_tb', 'format_exception', 'format_exception_only',
           'format_list', 'format_stack', 'format_tb', 'print_exc', 'format_exc',
           'print_exception', 'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException', 'walk_stack', 'walk_tb']

_sentinel = object()


class FrameSummary:
    """One frame of a traceback: filename, lineno, name, line."""

    __slots__ = ('filename', 'lineno', 'name', '_line', 'locals', 'end_lineno', 'colno',
                 'end_colno')

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = locals
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno

    @property
    def line(self):
        return self._line

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)


class StackSummary(list):
    """A list of FrameSummary objects."""

    @classmethod
    def from_list(cls, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            row.append('    {}\n'.format(frame_summary.line.strip()))
        return ''.join(row)

    def format(self):
        return [self.format_frame_summary(f) for f in self]


def _exc_of(tb):
    """The exception a traceback argument stands for: the one being handled."""
    if isinstance(tb, BaseException):
        return tb
    exc = sys.exception()
    if exc is not None and tb is not None and exc.__traceback__ is not None:
        return exc
    return None


def _summary(exc, limit=None):
    frames = [] if exc is None else _gilvm_tb.entries(exc)
    if limit is not None:
        frames = frames[:limit] if limit >= 0 else frames[limit:]
    return StackSummary.from_list(frames)


def extract_tb(tb, limit=None):
    return _summary(_exc_of(tb), limit)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for item in format_tb(tb, limit):
        print(item, file=file, end="")


def walk_tb(tb):
    return iter(())


def walk_stack(f):
    return iter(())


def extract_stack(f=None, limit=None):
    return StackSummary()


def format_stack(f=None, limit=None):
    return []


def print_stack(f=None, limit=None, file=None):
    pass


def clear_frames(tb):
    pass


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc
            raise TypeError(f'Exception expected for value, {type(exc).__name__} found')
        return None
    return value


def _type_name(etype):
    mod = getattr(etype, '__module__', None)
    name = getattr(etype, '__qualname__', etype.__name__)
    if mod not in ('__main__', 'builtins', None):
        name = mod + '.' + name
    return name


def _format_final_exc_line(etype, value):
    try:
        valuestr = str(value)
    except Exception:
        valuestr = '<exception str() failed>'
    if value is None or not valuestr:
        return "%s\n" % etype
    return "%s: %s\n" % (etype, valuestr)


def format_exception_only(exc, /, value=_sentinel):
    if value is _sentinel:
        value = exc
    if value is None:
        return ["NoneType: None\n"]
    if isinstance(value, SyntaxError):
        text = _gilvm_tb.format(value)
        lines = text.splitlines(True)
        start = 0
        for i, line in enumerate(lines):
            if line.startswith('  File '):
                start = i
                break
        return [''.join(lines[start:])] if lines else []
    lines = [_format_final_exc_line(_type_name(type(value)), value)]
    for note in getattr(value, '__notes__', None) or ():
        lines.append(f'{note}\n')
    return lines


def _split(text):
    """The VM's text as CPython's list items: each frame's two lines are one item."""
    out = []
    for line in text.splitlines(True):
        if line.startswith('    ') and out and out[-1].startswith('  File '):
            out[-1] += line
        else:
            out.append(line)
    return out


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    value = _parse_value_tb(exc, value, tb)
    if value is None:
        return ["NoneType: None\n"]
    if limit is None and chain:
        return _split(_gilvm_tb.format(value))
    out = []
    frames = _summary(value, limit)
    if frames:
        out.append('Traceback (most recent call last):\n')
        out.extend(frames.format())
    out.extend(format_exception_only(value))
    return out


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


class TracebackException:
    """The basics of CPython's: an exception captured for formatting later."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10,
                 _seen=None):
        self.exc_type = exc_type
        self._value = exc_value
        self._limit = limit
        self.stack = _summary(exc_value, limit)
        self.__cause__ = None
        self.__context__ = None
        self.__suppress_context__ = bool(getattr(exc_value, '__suppress_context__', False))
        self._str = str(exc_value) if exc_value is not None else ''

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __str__(self):
        return self._str

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def format_exception_only(self):
        yield from format_exception_only(self._value)

    def format(self, *, chain=True):
        yield from format_exception(self._value, limit=self._limit, chain=chain)
