def f():
    raise ValueError(1)
def g():
    try:
        f()
    except ValueError as e:
        e.add_note("note one")
        e.add_note("two\nlines")
        return e
excs = [g(), TypeError(2)]
try:
    raise KeyError("ctx")
except KeyError:
    inner = ExceptionGroup("inner", [OSError(3), RuntimeError(4)])
    try:
        raise inner
    except ExceptionGroup as ie:
        excs.append(ie)
eg = ExceptionGroup("outer", excs)
eg.add_note("group note")
raise eg
