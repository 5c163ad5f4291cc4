# expect: error SyntaxError
# cpython: same
a, b += 1
