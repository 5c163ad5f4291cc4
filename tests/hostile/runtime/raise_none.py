# expect: error TypeError
# cpython: same
raise None
