# expect: error ZeroDivisionError
# cpython: same
(-9223372036854775807 - 1) // 0
