# expect: error SyntaxError
# cpython: same
print(f'{1')
