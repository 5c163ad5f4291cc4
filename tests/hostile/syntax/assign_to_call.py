# expect: error SyntaxError
# cpython: same
f() = 1
