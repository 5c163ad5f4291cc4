# Exception subclasses with __new__: args come from __new__'s call, then __init__'s.
class CodedError(Exception):
    def __new__(cls, code, *rest):
        self = super().__new__(cls, code, *rest)
        self.code = code
        return self


e = CodedError(404, "not found")
print(e.code, e.args, repr(e), str(e))
try:
    raise CodedError(500)
except CodedError as err:
    print("caught", err.code, err.args)


class Reinit(ValueError):
    def __new__(cls, *args):
        return super().__new__(cls, "from new")

    def __init__(self, *args):
        super().__init__("from init", *args)


r = Reinit(1, 2)
print(r.args)


class NoInit(KeyError):
    def __new__(cls, *args):
        inst = super().__new__(cls, "ignored")
        return inst


print(NoInit("a", "b").args)


class Pooled(Exception):
    _pool = {}

    def __new__(cls, key):
        if key not in cls._pool:
            cls._pool[key] = super().__new__(cls, key)
        return cls._pool[key]


print(Pooled("x") is Pooled("x"), Pooled("x") is Pooled("y"))
print(BaseException.__new__(ValueError, 1, 2).args)
try:
    raise NoInit("z")
except LookupError as exc:
    print(type(exc).__name__, exc)
