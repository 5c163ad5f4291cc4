# expect: error ZeroDivisionError
# cpython: same
0 ** -1
