# expect: error SyntaxError
# cpython: same
def = 1
