# expect: error SyntaxError
# cpython: same
x = f'{1 + 
