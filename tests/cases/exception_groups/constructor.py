tests = [
 lambda: BaseExceptionGroup(),
 lambda: BaseExceptionGroup("a"),
 lambda: BaseExceptionGroup("a", [], 3),
 lambda: BaseExceptionGroup(1, [ValueError()]),
 lambda: ExceptionGroup(1, [ValueError()]),
 lambda: ExceptionGroup("a", 5),
 lambda: ExceptionGroup("a", {ValueError()}),
 lambda: ExceptionGroup("a", []),
 lambda: ExceptionGroup("a", [1]),
 lambda: ExceptionGroup("a", [ValueError(), 2]),
 lambda: ExceptionGroup("a", [KeyboardInterrupt()]),
 lambda: ExceptionGroup("a", [ValueError()], x=1),
 lambda: ExceptionGroup("a", [ValueError()]).split(3),
 lambda: ExceptionGroup("a", [ValueError()]).split((ValueError, 3)),
 lambda: ValueError().add_note(3),
 lambda: ExceptionGroup(message="a", exceptions=[]),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
class MyEG(ExceptionGroup): pass
try: MyEG("x", [KeyboardInterrupt()])
except Exception as e: print(type(e).__name__, e)
e = BaseExceptionGroup("x", [ValueError(1)])
print(type(e), e, repr(e), e.args, e.message, e.exceptions)
print(type(BaseExceptionGroup("x", [KeyboardInterrupt()])))
print(ExceptionGroup.__mro__, e.__dict__)
v = ValueError(); v.add_note("n"); print(v.__dict__)
print(ExceptionGroup.__bases__, ExceptionGroup.__module__)
