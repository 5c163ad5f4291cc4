# expect: error TypeError
# cpython: same
zip(1)
