# expect: error ZeroDivisionError
# cpython: same
divmod(1, 0)
