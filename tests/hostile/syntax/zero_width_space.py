# expect: error SyntaxError
# cpython: same
x = 1​
