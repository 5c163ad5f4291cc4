# expect: error TypeError
# cpython: same
pow('a', 2)
