# expect: error SyntaxError
# cpython: same
print(1, 2
