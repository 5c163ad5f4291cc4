# expect: error SyntaxError
# cpython: same
break
