# expect: error SyntaxError
# cpython: same
nonlocal x
