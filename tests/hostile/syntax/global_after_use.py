# expect: error SyntaxError
# cpython: same
def f():
    x = 1
    global x
