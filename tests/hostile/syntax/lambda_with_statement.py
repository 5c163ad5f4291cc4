# expect: error SyntaxError
# cpython: same
f = lambda: return 1
