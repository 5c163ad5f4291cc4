# expect: error SyntaxError
# cpython: same
*a = [1]
