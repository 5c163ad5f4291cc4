# expect: error ZeroDivisionError
# cpython: same
sum(1 / 0 for x in [1])
