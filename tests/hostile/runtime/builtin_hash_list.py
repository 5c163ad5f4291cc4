# expect: error TypeError
# cpython: same
hash([])
