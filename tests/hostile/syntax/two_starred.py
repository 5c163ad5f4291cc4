# expect: error SyntaxError
# cpython: same
a, *b, *c = [1, 2, 3]
