# Errors of exec, eval and compile: argument types, SyntaxErrors with CPython's attributes,
# NameErrors inside exec'd code, and exceptions raised through exec'd frames.
def show(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: exec(1))
show(lambda: eval(1))
show(lambda: eval(None))
show(lambda: exec("x = 1", []))
show(lambda: eval("1", []))
show(lambda: exec("x = 1", {}, 5))
show(lambda: eval("1", {}, 5))
show(lambda: compile(1, "f", "exec"))
show(lambda: compile("1", "f", "bad"))
show(lambda: compile("1", 2, "exec"))
show(lambda: compile(compile("1", "f", "eval"), "f", "eval"))
show(lambda: compile())
show(lambda: compile("1", "f", "exec", bogus=1))
show(lambda: exec())
show(lambda: eval())
show(lambda: exec("1", {}, {}, {}))
show(lambda: eval("1", {}, {}, {}))
show(lambda: exec("x = 1", globals=None))
show(lambda: eval("1", globals={}))
show(lambda: eval("\0"))
show(lambda: exec("a\0"))

# NameError for undefined names in exec'd code, with and without dicts.
show(lambda: exec("undefined_name_1"))
show(lambda: eval("undefined_name_2 + 1", {}))
show(lambda: exec("def f():\n    return missing\nf()", {}))
show(lambda: eval("len", {}, {}))
show(lambda: exec("del nothing_here", {}, {}))

# SyntaxErrors: message, str(), and the attributes CPython gives them.
def syntax(src, mode="exec"):
    try:
        if mode == "eval":
            eval(src)
        else:
            exec(src)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), str(e), e.filename, e.lineno, e.offset,
              repr(e.text), e.end_lineno, e.end_offset)
        print(e.args == (e.msg, (e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)))


syntax("x = 1 +* 2")
syntax("a b")
syntax("x = 1\ny = 2\nz = = 3")
syntax("if 1:\nx = 2")
syntax("del 1")
syntax("1 = x")
syntax("f(**)")
syntax("x = 1 if 2")
syntax("lambda x: yield")
syntax("print 'x'")
syntax("import")
syntax("x = 1", "eval")
syntax("import os", "eval")
syntax("1 = x", "eval")
syntax("x = 1 if 2", "eval")
syntax("if True\n  pass", "eval")
syntax("1\n2", "eval")
show(lambda: compile("x = 1\ny = 2", "multi", "single"))
show(lambda: exec(compile("x = 1; y = 2; print(x + y)", "one line", "single")))
show(lambda: compile("return", "/some/dir/file.py", "exec"))

# SyntaxError built by user code.
e = SyntaxError("bad thing", ("prog.py", 3, 5, "a = b c\n", 3, 6))
print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset, str(e))
e = SyntaxError("just a message")
print(str(e), e.msg, e.filename, e.lineno)
print(str(SyntaxError()), SyntaxError().msg)
print(issubclass(IndentationError, SyntaxError))

# Exceptions raised in exec'd code propagate, and can be caught inside it.
ns = {}
exec("try:\n    1 / 0\nexcept ZeroDivisionError as err:\n    caught = str(err)\n", ns)
print(ns['caught'])
try:
    exec("def boom():\n    raise ValueError('from exec')\nboom()")
except ValueError as err:
    print("caught", err)
try:
    eval("[][1]")
except IndexError as err:
    print("caught", err)
