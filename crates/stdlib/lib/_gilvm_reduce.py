"""How gilvm's multiprocessing sends objects that are not plain values: pickle's reduce
protocol, written in Python. `reduce(obj)` gives (callable, args, state, listitems, dictitems)
(or None when the object cannot be sent); the receiver calls `callable(*args)`, then
`setstate(obj, state, listitems, dictitems)`. Callables and classes cross by reference
(module and qualified name), as with pickle."""


def newobj(cls, *args):
    """`cls.__new__(cls, *args)` (pickle's NEWOBJ)."""
    return cls.__new__(cls, *args)


def _defines(cls, name):
    for klass in cls.__mro__:
        if klass is object:
            return False
        if name in klass.__dict__:
            return True
    return False


def _state(obj, cls):
    if _defines(cls, '__getstate__'):
        return obj.__getstate__()
    d = getattr(obj, '__dict__', None)
    state = dict(d) if d else None
    slots = {}
    for klass in cls.__mro__:
        names = klass.__dict__.get('__slots__', ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ('__dict__', '__weakref__'):
                continue
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
    if slots:
        return (state, slots)
    return state


_BASES = (int, float, str, bytes)


def reduce(obj):
    cls = type(obj)
    if cls is complex:
        return complex, (obj.real, obj.imag), None, None, None
    if cls is bytearray:
        return bytearray, (bytes(obj),), None, None, None
    if cls is frozenset:
        return frozenset, (list(obj),), None, None, None
    for name in ('__reduce_ex__', '__reduce__'):
        if _defines(cls, name):
            rv = obj.__reduce_ex__(4) if name == '__reduce_ex__' else obj.__reduce__()
            if not isinstance(rv, tuple) or not 2 <= len(rv) <= 5:
                raise TypeError("%s must return a tuple of 2 to 5 items" % name)
            func, args, state, items, pairs = tuple(rv) + (None,) * (5 - len(rv))
            if items is not None:
                items = list(items)
            if pairs is not None:
                pairs = list(pairs)
            return func, tuple(args), state, items, pairs
    if isinstance(obj, BaseException):
        d = getattr(obj, '__dict__', None)
        return cls, tuple(obj.args), (dict(d) if d else None), None, None
    if not hasattr(obj, '__dict__') and not _defines(cls, '__slots__'):
        return None
    state = _state(obj, cls)
    if isinstance(obj, tuple):
        return newobj, (cls,) + tuple.__new__(tuple, obj), state, None, None
    for base in _BASES:
        if isinstance(obj, base):
            return newobj, (cls, base(obj)), state, None, None
    if isinstance(obj, list):
        return newobj, (cls,), state, list(list.__iter__(obj)), None
    if isinstance(obj, dict):
        return newobj, (cls,), state, None, list(dict.items(obj))
    if isinstance(obj, set):
        return cls, (list(set.__iter__(obj)),), state, None, None
    return newobj, (cls,), state, None, None


def setstate(obj, state, listitems, dictitems):
    if state is not None:
        setter = getattr(obj, '__setstate__', None)
        if setter is not None:
            setter(state)
        else:
            slots = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slots = state
            if state:
                obj.__dict__.update(state)
            if slots:
                for key, value in slots.items():
                    object.__setattr__(obj, key, value)
    if listitems is not None:
        extend = getattr(obj, 'extend', None)
        if extend is not None:
            extend(listitems)
        else:
            for item in listitems:
                obj.append(item)
    if dictitems is not None:
        for key, value in dictitems:
            obj[key] = value
