# expect: error SyntaxError
# cpython: same
del f()
