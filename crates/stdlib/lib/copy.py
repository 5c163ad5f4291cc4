"""Shallow and deep copy operations (CPython's copy module, written in Python for gilvm)."""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

_ATOMIC = {type(None), int, float, bool, str, bytes, type, range, slice, type(len),
           type(lambda: 0), type(Ellipsis), type(NotImplemented), property}
try:
    _ATOMIC.add(complex)
except NameError:
    pass
try:
    _ATOMIC.add(frozenset)
except NameError:
    pass


def _is_atomic(x):
    return type(x) in _ATOMIC or isinstance(x, type)


def _reductor(cls):
    # A __reduce_ex__/__reduce__ the class (not object) defines: Counter's, defaultdict's...
    for name in ('__reduce_ex__', '__reduce__'):
        for klass in cls.__mro__:
            if klass is object:
                break
            if name in klass.__dict__:
                return name
    return None


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if _is_atomic(x) or cls is tuple:
        return x
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    name = _reductor(cls)
    if name is not None:
        rv = getattr(x, name)(4) if name == '__reduce_ex__' else getattr(x, name)()
        if isinstance(rv, tuple):
            return _reconstruct(x, None, *rv)
    return _copy_instance(x, None)


def _copy_instance(x, memo):
    """Copy an instance: a new object of its class, its built-in payload (a dict, list or set
    subclass's items), its __dict__ and its slots."""
    cls = type(x)
    y = cls.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
    dc = (lambda v: v) if memo is None else (lambda v: deepcopy(v, memo))
    if isinstance(x, dict):
        for k, v in dict.items(x):
            dict.__setitem__(y, dc(k), dc(v))
    elif isinstance(x, list):
        list.extend(y, [dc(v) for v in x])
    elif isinstance(x, set):
        set.update(y, [dc(v) for v in x])
    state = getattr(x, '__dict__', None)
    if state:
        y.__dict__.update({k: dc(v) for k, v in state.items()})
    for klass in cls.__mro__:
        slots = klass.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if hasattr(x, name):
                setattr(y, name, dc(getattr(x, name)))
    return y


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(x):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = tuple(deepcopy(a, memo) for a in x)
        if d in memo:
            return memo[d]
        if all(a is b for a, b in zip(x, y)):
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set(deepcopy(a, memo) for a in x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            name = _reductor(cls)
            rv = None
            if name is not None:
                rv = getattr(x, name)(4) if name == '__reduce_ex__' else getattr(x, name)()
            if isinstance(rv, tuple):
                y = _reconstruct(x, memo, *rv)
            else:
                y = _copy_instance(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *rest):
    deep = memo is not None
    if deep and args:
        args = tuple(deepcopy(arg, memo) for arg in args)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
