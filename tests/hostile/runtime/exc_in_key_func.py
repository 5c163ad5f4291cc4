# expect: error ZeroDivisionError
# cpython: same
sorted([1, 2], key=lambda x: 1 / 0)
