class MyError(Exception):
    pass
class DetailError(ValueError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
def risky(n):
    if n == 0:
        raise MyError("zero!")
    if n == 1:
        raise DetailError(42, "one")
    return 10 // (n - 2)
for n in range(4):
    try:
        print("result", risky(n))
    except MyError as e:
        print("MyError", e, e.args)
    except ValueError as e:
        print("ValueError", e, e.code, repr(e))
    except ZeroDivisionError as e:
        print("ZDE", e)
    else:
        print("no error")
    finally:
        print("finally", n)
def f():
    try:
        return "try"
    finally:
        print("cleanup")
print(f())
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__context__ is e.__cause__)
try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError("during")
except ValueError as e:
    print(repr(e.__context__), e.__cause__)
try:
    [].pop if False else [][3]
except IndexError as e:
    print("IndexError:", e)
try:
    raise KeyError("missing")
except KeyError as e:
    print(str(e), e.args)
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("loop", i)
    finally:
        print("fin", i)
def reraiser():
    try:
        int_ = 1 / 0
    except ZeroDivisionError:
        print("caught, reraising")
        raise
try:
    reraiser()
except ZeroDivisionError as e:
    print("outer caught", e)
class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return True
with CM() as cm:
    print("inside", type(cm) is CM if False else 1)
    raise ValueError("suppressed")
print("after with")
with CM():
    print("normal")
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("assert", e)
e = Exception("a", 1)
print(str(e), repr(e), str(Exception()), repr(MyError()))
print(isinstance(MyError(), Exception), isinstance(KeyError(), LookupError))
try:
    undefined_name
except NameError as e:
    print(e)
def g():
    x = x + 1
try:
    g()
except UnboundLocalError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
