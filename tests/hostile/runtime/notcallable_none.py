# expect: error TypeError
# cpython: same
None()
