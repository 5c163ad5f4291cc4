# compile() in its three modes and the code objects it makes.
c = compile("a + b", "expr.py", "eval")
print(type(c).__name__, c.co_name, c.co_filename, c.co_firstlineno, c.co_names)
r = repr(c)
print(r.startswith("<code object <module> at 0x"), r.endswith(', file "expr.py", line 1>'))
print(eval(c, {'a': 1, 'b': 2}), eval(c, {}, {'a': 'x', 'b': 'y'}))
print(exec(c, {'a': 1, 'b': 2}))  # exec of eval code: None

s = compile("total = 0\nfor i in range(4):\n    total += i\n", "<loop>", "exec")
ns = {}
print(exec(s, ns), ns['total'], eval(s, ns), ns['total'])
exec(s, ns)  # runs again in the same dict
print(ns['total'])

# 'single' prints the repr of each expression statement (not None), like the REPL.
exec(compile("1 + 1", "<s>", "single"))
exec(compile("'text'", "<s>", "single"))
exec(compile("None", "<s>", "single"))
exec(compile("for i in range(3): i * 10\n", "<s>", "single"))
exec(compile("if True:\n    'a'\n    [1, 2]\n", "<s>", "single"))
exec(compile("def f():\n    42\nf()", "<s>", "exec"))  # exec mode prints nothing
exec(compile("x = 5", "<s>", "single"))
print(x)
sn = {}
exec(compile("y = 3\n", "<s>", "single"), sn)
print(sn['y'])

# Keyword arguments, bytes filenames, flags.
k = compile(source="40 + 2", filename="kw", mode="eval")
print(eval(k), compile("1", b"bytes_name", "eval").co_filename)
print(eval(compile("7", "f", "eval", 0, True, -1)))

# Code objects of functions.
def fn(a, b, *, c=1):
    d = a + b
    return d


co = fn.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_varnames, co.co_nlocals)
print(repr(co).startswith("<code object fn at 0x"))


# The code of a module-level exec can be exec'd repeatedly with different globals.
code = compile("result = value * 2", "<mul>", "exec")
for v in (1, 'ab', [0]):
    d = {'value': v}
    exec(code, d)
    print(d['result'])
