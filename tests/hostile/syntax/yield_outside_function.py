# expect: error SyntaxError
# cpython: same
yield 1
