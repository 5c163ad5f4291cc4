# expect: error TypeError
# cpython: same
','.join([1, 2])
