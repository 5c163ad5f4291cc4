for exc in [Exception(), Exception("one"), Exception("two", 2), ValueError(42), KeyError("key")]:
    print(repr(exc), "|", str(exc), "|", exc.args)
try:
    raise ValueError("bad value", 7)
except ValueError as e:
    print(e.args[0], e.args[1], len(e.args))
e = RuntimeError("message")
print(isinstance(e, Exception), type(e).__name__)
