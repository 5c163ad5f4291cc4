# expect: error SyntaxError
# cpython: same
print(sep='', 1)
