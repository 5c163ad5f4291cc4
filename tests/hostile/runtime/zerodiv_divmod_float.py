# expect: error ZeroDivisionError
# cpython: same
divmod(1.5, 0.0)
