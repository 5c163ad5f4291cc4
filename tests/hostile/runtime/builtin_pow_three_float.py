# expect: error TypeError
# cpython: same
pow(2.0, 3, 5)
