# expect: error TypeError
# cpython: same
raise 5
