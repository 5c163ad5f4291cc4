# expect: error ZeroDivisionError
# cpython: same
1.0 % 0.0
