# expect: error ZeroDivisionError
# cpython: same
0.0 ** -1
