# expect: error SyntaxError
# cpython: same
try:
    pass
x = 1
