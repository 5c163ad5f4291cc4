# expect: error SyntaxError
# cpython: same
x = '\U11111111'
