"""Type hints at run time (CPython's typing module, the part programs use when they run,
written in Python for gilvm).

Subscripting (`List[int]`, `Optional[str]`, `Callable[[int], str]`, `Literal['a']`) gives an
alias object with CPython's repr; `Generic[T]` and `Protocol[T]` are usable as bases (they
give back the class itself); `NamedTuple` and `TypedDict` classes build a namedtuple and plain
dicts as in CPython; `cast`, `overload`, `final`, `get_type_hints`, `TYPE_CHECKING` and
friends behave as at run time under CPython.
"""

import collections as _collections
import sys as _sys

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    if isinstance(obj, (list, tuple)) and not hasattr(obj, '_fields'):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    return repr(obj)


class _Final:
    __slots__ = ()


class _SpecialForm(_Final):
    def __init__(self, name, getitem=None, doc=''):
        self._name = name
        self._getitem = getitem
        self.__doc__ = doc

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f'{self} is not subscriptable')
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __reduce__(self):
        return self._name


class _GenericAlias(_Final):
    def __init__(self, origin, args, name=None, inst=True):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = tuple(a for a in args if isinstance(a, TypeVar))
        self._name = name
        self._inst = inst

    def __repr__(self):
        name = 'typing.' + self._name if self._name else _type_repr(self.__origin__)
        if not self.__args__:
            return f'{name}[()]'
        return f"{name}[{', '.join(_type_repr(a) for a in self.__args__)}]"

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f'Type {self._name} cannot be instantiated; '
                            f'use {self.__origin__.__name__}() instead')
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        subst = dict(zip(self.__parameters__, params))
        args = tuple(subst.get(a, a) for a in self.__args__)
        return _GenericAlias(self.__origin__, args, self._name, self._inst)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')


class _SpecialGenericAlias(_Final):
    """`List`, `Dict`...: an alias of a class, subscriptable, usable with isinstance."""

    def __init__(self, origin, nparams, name, inst=True):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name
        self._inst = inst

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError(f"Too {'many' if len(params) > self._nparams else 'few'} "
                            f"arguments for {self}; actual {len(params)}, expected "
                            f"{self._nparams}")
        return _GenericAlias(self.__origin__, params, self._name, self._inst)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f'Type {self._name} cannot be instantiated; '
                            f'use {self.__origin__.__name__}() instead')
        return self.__origin__(*args, **kwargs)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __or__(self, other):
        return Union[self, other]


class _UnionGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return f'typing.Optional[{_type_repr(other)}]'
        return f"typing.Union[{', '.join(_type_repr(a) for a in args)}]"

    def __instancecheck__(self, obj):
        return any(isinstance(obj, a) for a in self.__args__ if isinstance(a, type))

    def __subclasscheck__(self, cls):
        return any(issubclass(cls, a) for a in self.__args__ if isinstance(a, type))

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(tuple(sorted(map(id, self.__args__))))


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        p = type(None) if p is None else p
        if isinstance(p, _UnionGenericAlias):
            ps = p.__args__
        else:
            ps = (p,)
        for q in ps:
            if q not in flat:
                flat.append(q)
    if len(flat) == 1:
        return flat[0]
    return _UnionGenericAlias(self, tuple(flat), 'Union')


def _optional_getitem(self, parameter):
    return Union[parameter, None]


def _literal_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _LiteralGenericAlias(self, parameters, 'Literal')


class _LiteralGenericAlias(_GenericAlias):
    def __repr__(self):
        return f"typing.Literal[{', '.join(repr(a) for a in self.__args__)}]"


def _wrap_getitem(name):
    def getitem(self, parameters):
        return _GenericAlias(self, parameters, name)
    return getitem


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
Literal = _SpecialForm('Literal', _literal_getitem)
ClassVar = _SpecialForm('ClassVar', _wrap_getitem('ClassVar'))
Final = _SpecialForm('Final', _wrap_getitem('Final'))
Required = _SpecialForm('Required', _wrap_getitem('Required'))
NotRequired = _SpecialForm('NotRequired', _wrap_getitem('NotRequired'))
TypeGuard = _SpecialForm('TypeGuard', _wrap_getitem('TypeGuard'))
Concatenate = _SpecialForm('Concatenate', _wrap_getitem('Concatenate'))
Unpack = _SpecialForm('Unpack', _wrap_getitem('Unpack'))


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        super().__init__(origin, (origin,) + metadata, 'Annotated')
        self.__metadata__ = metadata

    def __repr__(self):
        return (f'typing.Annotated[{_type_repr(self.__origin__)}, '
                f"{', '.join(repr(a) for a in self.__metadata__)}]")


def _annotated_getitem(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError('Annotated[...] should be used with at least two arguments '
                        '(a type and an annotation).')
    return _AnnotatedAlias(params[0], tuple(params[1:]))


Annotated = _SpecialForm('Annotated', _annotated_getitem)


class TypeVar(_Final):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec(_Final):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.args = _SpecialForm(name + '.args')
        self.kwargs = _SpecialForm(name + '.kwargs')

    def __repr__(self):
        return '~' + self.__name__


class TypeVarTuple(_Final):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


AnyStr = TypeVar('AnyStr', bytes, str)


class Generic:
    """Abstract base class for generic types: `class Stack(Generic[T])`."""
    __slots__ = ()

    def __class_getitem__(cls, params):
        if cls is Generic or cls is Protocol:
            if not isinstance(params, tuple):
                params = (params,)
            for p in params:
                if not isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)):
                    raise TypeError(f'Parameters to {cls.__name__}[...] must all be type '
                                    'variables or parameter specification variables.')
            return cls
        return _GenericAlias(cls, params)


class Protocol(Generic):
    __slots__ = ()


def runtime_checkable(cls):
    return cls


def _callable_getitem(self, params):
    if not isinstance(params, tuple) or len(params) != 2:
        raise TypeError('Callable must be used as Callable[[arg, ...], result].')
    args, result = params
    if args is ...:
        return _CallableGenericAlias(self.__origin__, (..., result), 'Callable')
    return _CallableGenericAlias(self.__origin__, tuple(args) + (result,), 'Callable')


class _CallableGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return f'typing.Callable[..., {_type_repr(args[1])}]'
        return (f"typing.Callable[[{', '.join(_type_repr(a) for a in args[:-1])}], "
                f'{_type_repr(args[-1])}]')


class _CallableType(_SpecialGenericAlias):
    def __getitem__(self, params):
        return _callable_getitem(self, params)

    def __instancecheck__(self, obj):
        return callable(obj)


def _abc(name):
    """A stand-in class for a collections.abc ABC, checked by the methods it needs."""
    return type(name, (), {})


List = _SpecialGenericAlias(list, 1, 'List', inst=False)
Dict = _SpecialGenericAlias(dict, 2, 'Dict', inst=False)
Set = _SpecialGenericAlias(set, 1, 'Set', inst=False)
Tuple = _SpecialGenericAlias(tuple, -1, 'Tuple', inst=False)
Type = _SpecialGenericAlias(type, 1, 'Type', inst=False)
DefaultDict = _SpecialGenericAlias(_collections.defaultdict, 2, 'DefaultDict')
OrderedDict = _SpecialGenericAlias(_collections.OrderedDict, 2, 'OrderedDict')
Counter = _SpecialGenericAlias(_collections.Counter, 1, 'Counter')
ChainMap = _SpecialGenericAlias(_collections.ChainMap, 2, 'ChainMap')
Deque = _SpecialGenericAlias(_collections.deque, 1, 'Deque')
Callable = _CallableType(object, -1, 'Callable')
try:
    FrozenSet = _SpecialGenericAlias(frozenset, 1, 'FrozenSet', inst=False)
except NameError:
    pass


class _ProtocolAlias(_SpecialGenericAlias):
    """`Iterable`, `Sequence`, `Mapping`...: isinstance checks the methods the ABC needs."""

    def __init__(self, nparams, name, methods, bases=()):
        super().__init__(object, nparams, name)
        self._methods = methods
        self._bases = bases

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        return all(getattr(cls, m, None) is not None for m in self._methods)

    def __mro_entries__(self, bases):
        return (object,)


Hashable = _ProtocolAlias(0, 'Hashable', ('__hash__',))
Sized = _ProtocolAlias(0, 'Sized', ('__len__',))
Container = _ProtocolAlias(1, 'Container', ('__contains__',))
Iterable = _ProtocolAlias(1, 'Iterable', ('__iter__',))
Iterator = _ProtocolAlias(1, 'Iterator', ('__iter__', '__next__'))
Reversible = _ProtocolAlias(1, 'Reversible', ('__reversed__', '__iter__'))
Collection = _ProtocolAlias(1, 'Collection', ('__len__', '__iter__', '__contains__'))
Sequence = _ProtocolAlias(1, 'Sequence', ('__getitem__', '__len__'))
MutableSequence = _ProtocolAlias(1, 'MutableSequence', ('__getitem__', '__setitem__',
                                                        '__len__', 'insert'))
Mapping = _ProtocolAlias(2, 'Mapping', ('__getitem__', '__len__', 'keys'))
MutableMapping = _ProtocolAlias(2, 'MutableMapping', ('__getitem__', '__setitem__',
                                                      '__len__', 'keys'))
AbstractSet = _ProtocolAlias(1, 'AbstractSet', ('__contains__', '__len__', '__iter__'))
MutableSet = _ProtocolAlias(1, 'MutableSet', ('__contains__', '__len__', 'add', 'discard'))
Generator = _ProtocolAlias(3, 'Generator', ('send', 'throw', '__next__'))
Awaitable = _ProtocolAlias(1, 'Awaitable', ('__await__',))
Coroutine = _ProtocolAlias(3, 'Coroutine', ('send', 'throw', '__await__'))
AsyncIterable = _ProtocolAlias(1, 'AsyncIterable', ('__aiter__',))
AsyncIterator = _ProtocolAlias(1, 'AsyncIterator', ('__aiter__', '__anext__'))
AsyncGenerator = _ProtocolAlias(2, 'AsyncGenerator', ('asend', 'athrow', '__anext__'))
ContextManager = _ProtocolAlias(1, 'ContextManager', ('__enter__', '__exit__'))
AsyncContextManager = _ProtocolAlias(1, 'AsyncContextManager', ('__aenter__', '__aexit__'))
KeysView = _ProtocolAlias(1, 'KeysView', ('__iter__', '__len__'))
ItemsView = _ProtocolAlias(2, 'ItemsView', ('__iter__', '__len__'))
ValuesView = _ProtocolAlias(1, 'ValuesView', ('__iter__', '__len__'))
SupportsInt = _ProtocolAlias(0, 'SupportsInt', ('__int__',))
SupportsFloat = _ProtocolAlias(0, 'SupportsFloat', ('__float__',))
SupportsIndex = _ProtocolAlias(0, 'SupportsIndex', ('__index__',))
SupportsAbs = _ProtocolAlias(1, 'SupportsAbs', ('__abs__',))
SupportsRound = _ProtocolAlias(1, 'SupportsRound', ('__round__',))
IO = _ProtocolAlias(1, 'IO', ('read', 'write'))
TextIO = _ProtocolAlias(0, 'TextIO', ('read', 'write'))
BinaryIO = _ProtocolAlias(0, 'BinaryIO', ('read', 'write'))
Text = str


def cast(typ, val):
    return val


def assert_type(val, typ, /):
    return val


def reveal_type(obj, /):
    print(f'Runtime type is {type(obj).__name__!r}', file=_sys.stderr)
    return obj


def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f'Expected code to be unreachable, but got: {value}')


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            'You should not call an overloaded function. A series of @overload-decorated '
            'functions outside a stub module should always be followed by an implementation '
            'that is not @overload-ed.')
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(**kwargs):
    def decorator(cls_or_fn):
        return cls_or_fn
    return decorator


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            base_globals = getattr(_sys.modules.get(base.__module__, None), '__dict__', {}) \
                if hasattr(_sys, 'modules') else {}
            for name, value in ann.items():
                if value is None:
                    value = type(None)
                if isinstance(value, str):
                    value = eval(value, globalns or base_globals, localns)
                hints[name] = value
        return hints
    ann = getattr(obj, '__annotations__', None)
    if ann is None:
        return {}
    for name, value in ann.items():
        if value is None:
            value = type(None)
        if isinstance(value, str):
            value = eval(value, globalns or {}, localns)
        hints[name] = value
    return hints


def get_origin(tp):
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias)):
        if isinstance(tp, _AnnotatedAlias):
            return Annotated
        return tp.__origin__
    if tp is Generic:
        return Generic
    return getattr(tp, '__origin__', None) if type(tp).__name__ == 'GenericAlias' else None


def get_args(tp):
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    if type(tp).__name__ == 'GenericAlias':
        return tp.__args__
    return ()


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type


class _NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns):
        if ns.get('_root', False):
            return super().__new__(mcls, typename, bases, ns)
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} cannot follow "
                                f"default field{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _collections.namedtuple(typename, list(types),
                                         defaults=[ns[n] for n in default_names],
                                         module=ns.get('__module__', '__main__'))
        nm_tpl.__annotations__ = dict(types)
        for key in ns:
            if key in ('__module__', '__qualname__', '__annotations__', '_root', '__doc__'):
                continue
            if key in types:
                continue
            setattr(nm_tpl, key, ns[key])
        if ns.get('__doc__'):
            nm_tpl.__doc__ = ns['__doc__']
        return nm_tpl

    def __call__(cls, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        fields = list(fields)
        nt = _collections.namedtuple(typename, [n for n, t in fields])
        nt.__annotations__ = dict(fields)
        return nt


class NamedTuple(metaclass=_NamedTupleMeta):
    _root = True


class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        cls = super().__new__(mcls, name, bases, ns)
        annotations = {}
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
        annotations.update(ns.get('__annotations__', {}))
        cls.__annotations__ = annotations
        cls.__total__ = total
        keys = set(annotations)
        cls.__required_keys__ = keys if total else set()
        cls.__optional_keys__ = set() if total else keys
        return cls

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __instancecheck__(cls, obj):
        raise TypeError('TypedDict does not support instance and class checks')

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')


class TypedDict(metaclass=_TypedDictMeta):
    pass
