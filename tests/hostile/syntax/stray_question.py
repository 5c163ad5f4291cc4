# expect: error SyntaxError
# cpython: same
x = 1 ? 2 : 3
