# expect: error ZeroDivisionError
# cpython: same
True / False
