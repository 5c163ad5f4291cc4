# expect: error IsADirectoryError
# cpython: same
open('.')
