# Code compiled under a file name of its own shows that name (and no source line).
code = compile("def f(x):\n    return x.missing\n", "generated.py", "exec")
ns = {}
exec(code, ns)
ns["f"](42)
