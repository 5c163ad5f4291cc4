# expect: error ValueError
# cpython: same
open('a\x00b')
