# expect: error IndexError
# cpython: same
[1][-2**62]
