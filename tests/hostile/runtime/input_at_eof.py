# expect: error EOFError
# cpython: same
input()
