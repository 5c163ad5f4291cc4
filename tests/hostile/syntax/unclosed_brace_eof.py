# expect: error SyntaxError
# cpython: same
d = {1: 2,
