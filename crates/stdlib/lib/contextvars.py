"""contextvars: ContextVar, Token, Context and copy_context, CPython 3.11's API and messages.

A Context is an immutable mapping (copied on each set) and every thread has its own current
context. Unlike CPython, gilvm's asyncio does not run each task in a copy of the context, so
a ContextVar set in one task is seen by the others.
"""

import threading as _threading

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')

_local = _threading.local()


def _current():
    ctx = getattr(_local, 'ctx', None)
    if ctx is None:
        ctx = _local.ctx = Context()
    return ctx


class _Missing:
    def __repr__(self):
        return '<Token.MISSING>'


_MISSING = _Missing()
_NO_DEFAULT = object()


class Context:
    __slots__ = ('_data', '_prev', '_entered')

    def __init__(self):
        self._data = {}
        self._prev = None
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError('cannot enter context: %r is already entered' % (self,))
        self._prev = _current()
        self._entered = True
        _local.ctx = self
        try:
            return callable(*args, **kwargs)
        finally:
            _local.ctx = self._prev
            self._prev = None
            self._entered = False

    def copy(self):
        new = Context()
        new._data = dict(self._data)
        return new

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError('a ContextVar key was expected, got %r' % (var,))
        return self._data[var]

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError('a ContextVar key was expected, got %r' % (var,))
        return self._data.get(var, default)

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError('a ContextVar key was expected, got %r' % (var,))
        return var in self._data

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None

    def __repr__(self):
        return '<_contextvars.Context object at %#x>' % id(self)


Context.__module__ = '_contextvars'


class ContextVar:
    __slots__ = ('_name', '_default', '__weakref__')

    def __init__(self, name, *, default=_NO_DEFAULT):
        if not isinstance(name, str):
            raise TypeError('context variable name must be a str')
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError('get expected at most 1 argument, got %d' % len(args))
        data = _current()._data
        if self in data:
            return data[self]
        if args:
            return args[0]
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, value, /):
        ctx = _current()
        data = dict(ctx._data)
        old = ctx._data.get(self, _MISSING)
        data[self] = value
        ctx._data = data
        return Token(ctx, self, old)

    def reset(self, token, /):
        if not isinstance(token, Token):
            raise TypeError('expected an instance of Token, got %r' % (token,))
        if token._used:
            raise RuntimeError('%r has already been used once' % (token,))
        if token._var is not self:
            raise ValueError('%r was created by a different ContextVar' % (token,))
        ctx = _current()
        if token._ctx is not ctx:
            raise ValueError('%r was created in a different Context' % (token,))
        data = dict(ctx._data)
        if token._old is _MISSING:
            data.pop(self, None)
        else:
            data[self] = token._old
        ctx._data = data
        token._used = True

    def __hash__(self):
        return id(self) >> 4

    def __repr__(self):
        d = '' if self._default is _NO_DEFAULT else ' default=%r' % (self._default,)
        return '<ContextVar name=%r%s at %#x>' % (self._name, d, id(self))


class Token:
    __slots__ = ('_ctx', '_var', '_old', '_used')

    MISSING = _MISSING

    def __init__(self, ctx, var, old):
        self._ctx = ctx
        self._var = var
        self._old = old
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old

    def __repr__(self):
        used = ' used' if self._used else ''
        return '<Token%s var=%r at %#x>' % (used, self._var, id(self))


def copy_context():
    return _current().copy()
