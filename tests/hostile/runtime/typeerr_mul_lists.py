# expect: error TypeError
# cpython: same
[] * []
