# expect: error IndexError
# cpython: same
[1].pop(5)
