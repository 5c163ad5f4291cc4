# expect: error SyntaxError
# cpython: same
x = '\N{NO SUCH CHARACTER NAME}'
