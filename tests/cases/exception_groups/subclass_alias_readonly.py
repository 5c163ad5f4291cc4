print(ExceptionGroup[int], BaseExceptionGroup[ValueError])
e = ExceptionGroup("m", [ValueError()])
try:
    e.message = "x"
except AttributeError as err:
    print(err)
try:
    e.exceptions = ()
except AttributeError as err:
    print(err)
print(e.__notes__ if hasattr(e, "__notes__") else "no notes")
class C(ExceptionGroup):
    def __new__(cls, msg, excs, extra):
        self = super().__new__(cls, msg, excs)
        self.extra = extra
        return self
    def __init__(self, msg, excs, extra):
        super().__init__(msg, excs)
    def derive(self, excs):
        return C(self.message, excs, self.extra)
c = C("c", [ValueError(1), TypeError(2)], 42)
m, r = c.split(ValueError)
print(type(m).__name__, m.extra, m.args, r.extra, c.args)
print(ExceptionGroup.__name__, ExceptionGroup.__qualname__, ExceptionGroup.__module__, repr(ExceptionGroup))
