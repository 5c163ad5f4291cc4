"""weakref: weak references and the weak containers, over gilvm's native `_weakref.ref`.

WeakValueDictionary, WeakKeyDictionary, WeakSet and finalize follow CPython's Lib/weakref.py
and Lib/_weakrefset.py in behaviour (entries go away when their referent dies, through ref
callbacks), written more simply: no iteration guards, no pending-removal queues.
"""

from _weakref import ref, ReferenceType, getweakrefcount, getweakrefs
import atexit as _atexit

__all__ = ["ref", "proxy", "ProxyType", "CallableProxyType", "ReferenceType",
           "getweakrefcount", "getweakrefs", "WeakKeyDictionary", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]


class ProxyType:
    """`weakref.proxy(obj)`: forwards to obj while it lives, ReferenceError after (a Python
    class here; CPython's is a C type)."""

    __slots__ = ("_ProxyType__ref", "__weakref__")

    def __init__(self, ob, callback=None):
        object.__setattr__(self, "_ProxyType__ref", ref(ob, callback))

    def _get(self):
        o = object.__getattribute__(self, "_ProxyType__ref")()
        if o is None:
            raise ReferenceError("weakly-referenced object no longer exists")
        return o

    def __getattr__(self, name):
        return getattr(ProxyType._get(self), name)

    def __setattr__(self, name, value):
        setattr(ProxyType._get(self), name, value)

    def __delattr__(self, name):
        delattr(ProxyType._get(self), name)

    def __call__(self, *args, **kwargs):
        return ProxyType._get(self)(*args, **kwargs)

    def __repr__(self):
        o = object.__getattribute__(self, "_ProxyType__ref")()
        if o is None:
            return "<weakproxy at %#x; dead>" % id(self)
        return "<weakproxy at %#x; to '%s' at %#x>" % (id(self), type(o).__name__, id(o))

    def __str__(self):
        return str(ProxyType._get(self))

    def __bool__(self):
        return bool(ProxyType._get(self))

    def __len__(self):
        return len(ProxyType._get(self))

    def __iter__(self):
        return iter(ProxyType._get(self))

    def __contains__(self, item):
        return item in ProxyType._get(self)

    def __getitem__(self, key):
        return ProxyType._get(self)[key]

    def __setitem__(self, key, value):
        ProxyType._get(self)[key] = value

    def __delitem__(self, key):
        del ProxyType._get(self)[key]

    def __eq__(self, other):
        return ProxyType._get(self) == other

    def __ne__(self, other):
        return ProxyType._get(self) != other

    def __lt__(self, other):
        return ProxyType._get(self) < other

    def __le__(self, other):
        return ProxyType._get(self) <= other

    def __gt__(self, other):
        return ProxyType._get(self) > other

    def __ge__(self, other):
        return ProxyType._get(self) >= other

    def __add__(self, other):
        return ProxyType._get(self) + other

    def __sub__(self, other):
        return ProxyType._get(self) - other

    def __mul__(self, other):
        return ProxyType._get(self) * other

    __hash__ = None


class WeakMethod:
    """A weak reference to a bound method: it lives while the instance does (a plain class
    here, not a `ref` subclass)."""

    __slots__ = ("_obj_ref", "_meth_ref", "_func_ref", "__weakref__")

    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None
        me = ref(self)

        def _cb(arg, me=me, callback=callback):
            self = me()
            if self is not None and callback is not None:
                callback(self)

        self._obj_ref = ref(obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_ref = None

    def __call__(self):
        obj = self._obj_ref()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        # gilvm cannot build a bound method from (func, obj): look it up again on obj.
        m = getattr(obj, func.__name__, None)
        if getattr(m, "__func__", None) is func:
            return m
        return lambda *args, **kwargs: func(obj, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            a, b = self._obj_ref(), other._obj_ref()
            fa, fb = self._func_ref(), other._func_ref()
            if a is None or b is None or fa is None or fb is None:
                return self is other
            return a == b and fa == fb
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        return hash((self._obj_ref, self._func_ref))


proxy = ProxyType
CallableProxyType = ProxyType


class WeakValueDictionary:
    """Mapping whose values are weakly referenced: an entry goes when its value dies."""

    def __init__(self, other=(), /, **kw):
        self.data = {}

        def remove(wr, selfref=ref(self)):
            self = selfref()
            if self is not None:
                key = wr.key
                if self.data.get(key) is wr:
                    del self.data[key]

        self._remove = remove
        self.update(other, **kw)

    def _ref(self, key, value):
        wr = _KeyedRef(value, self._remove, key)
        return wr

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        del self.data[key]

    def __len__(self):
        return sum(1 for wr in list(self.data.values()) if wr() is not None)

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[key] = self._ref(key, value)

    def copy(self):
        new = WeakValueDictionary()
        for key, value in self.items():
            new[key] = value
        return new

    __copy__ = copy

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def items(self):
        for k, wr in list(self.data.items()):
            v = wr()
            if v is not None:
                yield k, v

    def keys(self):
        for k, wr in list(self.data.items()):
            if wr() is not None:
                yield k

    __iter__ = keys

    def values(self):
        for wr in list(self.data.values()):
            obj = wr()
            if obj is not None:
                yield obj

    def valuerefs(self):
        return list(self.data.values())

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def pop(self, key, *args):
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            self.data[key] = self._ref(key, default)
            return default
        return o

    def update(self, other=None, /, **kwargs):
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, o in other.items():
                self[key] = o
        for key, o in kwargs.items():
            self[key] = o

    def clear(self):
        self.data.clear()


class _KeyedRef:
    """A ref that remembers the key it is stored under (CPython's KeyedRef)."""

    __slots__ = ("_r", "key", "_cb", "__weakref__")

    def __init__(self, ob, callback, key):
        self.key = key
        self._cb = callback
        me = ref(self)
        self._r = ref(ob, lambda _wr, me=me: _KeyedRef._fire(me))

    @staticmethod
    def _fire(me):
        self = me()
        if self is not None:
            self._cb(self)

    def __call__(self):
        return self._r()


class _IdRef:
    """A ref usable as a dict key: hashes and compares as its referent did."""

    __slots__ = ("_r", "_hash", "__weakref__")

    def __init__(self, ob, callback=None):
        self._hash = hash(ob)
        if callback is None:
            self._r = ref(ob)
        else:
            me = ref(self)
            self._r = ref(ob, lambda _wr, me=me, cb=callback: _IdRef._fire(me, cb))

    @staticmethod
    def _fire(me, cb):
        self = me()
        if self is not None:
            cb(self)

    def __call__(self):
        return self._r()

    def __hash__(self):
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, _IdRef):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is other
        return a == b


class WeakKeyDictionary:
    """Mapping whose keys are weakly referenced: an entry goes when its key dies."""

    def __init__(self, dict=None):
        self.data = {}

        def remove(k, selfref=ref(self)):
            self = selfref()
            if self is not None:
                self.data.pop(k, None)

        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __delitem__(self, key):
        del self.data[_IdRef(key)]

    def __getitem__(self, key):
        return self.data[_IdRef(key)]

    def __len__(self):
        return sum(1 for k in list(self.data) if k() is not None)

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[_IdRef(key, self._remove)] = value

    def copy(self):
        new = WeakKeyDictionary()
        for key, value in self.items():
            new[key] = value
        return new

    __copy__ = copy

    def get(self, key, default=None):
        return self.data.get(_IdRef(key), default)

    def __contains__(self, key):
        try:
            wr = _IdRef(key)
        except TypeError:
            return False
        return wr in self.data

    def items(self):
        for wr, value in list(self.data.items()):
            key = wr()
            if key is not None:
                yield key, value

    def keys(self):
        for wr in list(self.data):
            obj = wr()
            if obj is not None:
                yield obj

    __iter__ = keys

    def values(self):
        for wr, value in list(self.data.items()):
            if wr() is not None:
                yield value

    def keyrefs(self):
        return list(self.data)

    def popitem(self):
        while True:
            key, value = self.data.popitem()
            o = key()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        return self.data.pop(_IdRef(key), *args)

    def setdefault(self, key, default=None):
        k = _IdRef(key, self._remove)
        if k in self.data:
            return self.data[k]
        self.data[k] = default
        return default

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                self[key] = value
        if kwargs:
            self.update(kwargs)

    def clear(self):
        self.data.clear()


class WeakSet:
    """A set whose members are weakly referenced: a member goes when it dies."""

    def __init__(self, data=None):
        self.data = set()

        def remove(item, selfref=ref(self)):
            self = selfref()
            if self is not None:
                self.data.discard(item)

        self._remove = remove
        if data is not None:
            self.update(data)

    def __iter__(self):
        for itemref in list(self.data):
            item = itemref()
            if item is not None:
                yield item

    def __len__(self):
        return sum(1 for r in list(self.data) if r() is not None)

    def __contains__(self, item):
        try:
            wr = _IdRef(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return "{%s}" % ", ".join(repr(x) for x in self) if len(self) else "WeakSet()"

    def add(self, item):
        self.data.add(_IdRef(item, self._remove))

    def clear(self):
        self.data.clear()

    def copy(self):
        return WeakSet(self)

    __copy__ = copy

    def pop(self):
        while True:
            try:
                itemref = self.data.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet") from None
            item = itemref()
            if item is not None:
                return item

    def remove(self, item):
        self.data.remove(_IdRef(item))

    def discard(self, item):
        self.data.discard(_IdRef(item))

    def update(self, other):
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def union(self, other):
        new = WeakSet(self)
        new.update(other)
        return new

    __or__ = union

    def difference(self, other):
        other = list(other)
        return WeakSet(x for x in self if not any(x is o or x == o for o in other))

    __sub__ = difference

    def intersection(self, other):
        other = list(other)
        return WeakSet(x for x in self if any(x is o or x == o for o in other))

    __and__ = intersection

    def issubset(self, other):
        return all(x in other for x in self)

    __le__ = issubset

    def issuperset(self, other):
        return all(x in self for x in other)

    __ge__ = issuperset

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == other.data

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0


class finalize:
    """Call func(*args, **kwargs) when obj dies (or at exit, when atexit is true)."""

    _registry = {}
    _index = 0
    _registered_with_atexit = False

    class _Info:
        __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit:
            _atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True
        info = finalize._Info()
        me = ref(self)
        info.weakref = ref(obj, lambda _wr, me=me: finalize._fire(me))
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        finalize._index += 1
        info.index = finalize._index
        finalize._registry[self] = info

    @staticmethod
    def _fire(me):
        self = me()
        if self is not None:
            self()

    def __call__(self, _=None):
        info = finalize._registry.pop(self, None)
        if info:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self in finalize._registry

    @property
    def atexit(self):
        info = finalize._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _exitfunc(cls):
        pending = sorted(
            (f for f, i in cls._registry.items() if i.atexit),
            key=lambda f: cls._registry[f].index, reverse=True)
        for f in pending:
            f()
        cls._registry.clear()
