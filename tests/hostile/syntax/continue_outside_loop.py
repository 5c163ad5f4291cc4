# expect: error SyntaxError
# cpython: same
if 1:
    continue
