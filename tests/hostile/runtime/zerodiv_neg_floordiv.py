# expect: error ZeroDivisionError
# cpython: same
-7 // 0
