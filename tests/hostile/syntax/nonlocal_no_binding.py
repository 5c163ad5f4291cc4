# expect: error SyntaxError
# cpython: same
def f():
    nonlocal x
