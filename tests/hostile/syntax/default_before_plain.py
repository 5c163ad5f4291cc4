# expect: error SyntaxError
# cpython: same
def f(a=1, b):
    pass
