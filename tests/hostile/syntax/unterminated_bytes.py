# expect: error SyntaxError
# cpython: same
x = b'abc
