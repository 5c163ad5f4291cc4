# expect: error TypeError
# cpython: same
round(1.5, 'a')
