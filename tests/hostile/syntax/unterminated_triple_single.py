# expect: error SyntaxError
# cpython: same
x = '''abc
