# expect: error SyntaxError
# cpython: same
return 1
