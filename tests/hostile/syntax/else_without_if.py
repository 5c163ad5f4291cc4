# expect: error SyntaxError
# cpython: same
else:
    pass
