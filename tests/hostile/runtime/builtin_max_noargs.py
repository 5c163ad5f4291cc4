# expect: error TypeError
# cpython: same
max()
