# expect: error ZeroDivisionError
# cpython: same
(-2**63) // 0
