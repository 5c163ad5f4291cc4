# expect: error IndentationError
# cpython: same
def f():
