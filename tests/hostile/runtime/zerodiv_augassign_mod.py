# expect: error ZeroDivisionError
# cpython: same
x = 5
x %= 0
