# expect: error IsADirectoryError
# cpython: same
open('/', 'w')
