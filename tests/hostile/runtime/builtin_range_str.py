# expect: error TypeError
# cpython: same
range('a')
