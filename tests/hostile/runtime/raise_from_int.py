# expect: error TypeError
# cpython: same
raise ValueError from 5
