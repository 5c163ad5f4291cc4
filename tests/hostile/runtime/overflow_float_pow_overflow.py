# expect: error OverflowError
# cpython: same
x = 10.0 ** 400
