# expect: error SyntaxError
# cpython: same
1 = x
