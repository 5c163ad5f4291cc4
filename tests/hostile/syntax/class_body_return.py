# expect: error SyntaxError
# cpython: same
class C:
    return 1
