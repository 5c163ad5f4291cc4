# expect: error IndexError
# cpython: same
'abc'[2**62]
