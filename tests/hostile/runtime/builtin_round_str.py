# expect: error TypeError
# cpython: same
round('a')
