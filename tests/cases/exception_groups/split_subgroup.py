# split / subgroup / derive: types, tuples, predicates, nesting and metadata.
def leaves(e):
    if isinstance(e, BaseExceptionGroup):
        return [x for s in e.exceptions for x in leaves(s)]
    return [e]

def show(label, e):
    if e is None:
        print(label, None)
    else:
        print(label, type(e).__name__, repr(e.message), [repr(x) for x in leaves(e)])

def raised(e):
    try:
        raise e
    except BaseException as x:
        return x

inner = ExceptionGroup("inner", [ValueError(1), TypeError(2), ValueError(3)])
eg = raised(ExceptionGroup("outer", [inner, KeyError("k"), ValueError(4)]))
eg.__cause__ = OSError("cause")
eg.__context__ = RuntimeError("ctx")
eg.add_note("a note")

m, r = eg.split(ValueError)
show("match", m)
show("rest", r)
print(m.__cause__, m.__context__, m.__notes__, m.__notes__ is eg.__notes__)
print(m.__traceback__ is not None, r.__suppress_context__, eg.__suppress_context__)
print(m.exceptions[0].message, type(m.exceptions[0]).__name__)
m, r = eg.split((TypeError, KeyError))
show("tuple match", m)
show("tuple rest", r)
show("pred", eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1))
print(eg.subgroup(lambda e: True) is eg)
print(eg.subgroup(ExceptionGroup) is eg)
show("inner by type", eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner"))
print(eg.subgroup(OSError), eg.split(OSError)[0], eg.split(OSError)[1] is eg)
print(eg.split(Exception)[0] is eg, eg.split(Exception)[1])

# a BaseException inside makes derive give back a BaseExceptionGroup
b = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(5)])
print(type(b).__name__)
m, r = b.split(ValueError)
print(type(m).__name__, type(r).__name__, m, r)
print(type(b.derive([ValueError(6)])).__name__, b.derive([SystemExit()]))

# subclasses: derive is what split uses
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
me = MyEG("mine", [ValueError(1), TypeError(2)])
m, r = me.split(ValueError)
print(type(m).__name__, m, type(r).__name__, r)

class BadEG(ExceptionGroup):
    def derive(self, excs):
        return 42
try:
    BadEG("bad", [ValueError(1), TypeError(2)]).split(ValueError)
except TypeError as e:
    print("TypeError:", e)

print(str(ExceptionGroup("", [ValueError()])), repr(ExceptionGroup("x", (ValueError(),))))
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
try:
    raise ExceptionGroup("caught", [ValueError()])
except Exception as e:
    print("caught as Exception:", e)
# notes
e = ValueError("v")
print(hasattr(e, "__notes__"))
e.add_note("x")
e.add_note("y")
print(e.__notes__)
e.__notes__ = "not a list"
try:
    e.add_note("z")
except TypeError as err:
    print(err)
lst = [ValueError(1)]
g = ExceptionGroup("m", lst)
lst.append(TypeError())
print(len(g.exceptions), g.args)
