# expect: error SyntaxError
# cpython: same
x = '\x4'
