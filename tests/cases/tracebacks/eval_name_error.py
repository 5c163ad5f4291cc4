# A NameError inside eval'd code, called from a function.
def compute(expr):
    return eval(expr, {"a": 1})


print(compute("a + 1"))
compute("a + b")
