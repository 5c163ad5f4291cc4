# expect: error IndexError
# cpython: same
[].pop()
