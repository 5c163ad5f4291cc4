import traceback, sys, io

def inner():
    raise ValueError("bad value")

def outer():
    inner()

try:
    outer()
except ValueError as e:
    text = traceback.format_exc()
    print(text.splitlines()[0], text.splitlines()[-1])
    print(len(text.splitlines()))
    frames = traceback.extract_tb(e.__traceback__)
    print([(f.name, f.lineno, f.line) for f in frames])
    print([f.name for f in traceback.extract_tb(sys.exc_info()[2])])
    print(traceback.format_tb(e.__traceback__)[-1].splitlines()[1])
    print(traceback.format_exception_only(type(e), e))
    print(traceback.format_exception_only(e))
    lines = traceback.format_exception(e)
    print(lines[0], end="")
    print(lines[-1], end="")
    print(sys.exc_info()[0].__name__, sys.exception() is e)
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    print(buf.getvalue() == text)
    buf = io.StringIO()
    traceback.print_exc(limit=1, file=buf)
    print(len(buf.getvalue().splitlines()), buf.getvalue().splitlines()[-1])
print(sys.exc_info(), sys.exception())
try:
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    out = traceback.format_exception(type(e), e, e.__traceback__)
    joined = "".join(out)
    print("direct cause" in joined, joined.splitlines()[-1])
    print("".join(traceback.format_exception(e, chain=False)).count("Traceback"))
    tbe = traceback.TracebackException.from_exception(e)
    print("".join(tbe.format_exception_only()), end="")
class MyErr(Exception):
    pass
print(traceback.format_exception_only(MyErr("x")), traceback.format_exception_only(MyErr()))
try:
    traceback.format_exception(ValueError, ValueError("v"))
except ValueError as e:
    print("ValueError:", e)
traceback.print_exception(KeyError("to stderr"))
