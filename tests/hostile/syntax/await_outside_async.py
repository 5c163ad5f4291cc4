# expect: error SyntaxError
# cpython: same
def f():
    await g()
