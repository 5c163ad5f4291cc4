# expect: error OverflowError
# cpython: same
chr(2**62)
