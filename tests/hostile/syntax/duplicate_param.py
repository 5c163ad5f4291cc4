# expect: error SyntaxError
# cpython: same
def f(a, a):
    pass
