# expect: error SyntaxError
# cpython: same
)
