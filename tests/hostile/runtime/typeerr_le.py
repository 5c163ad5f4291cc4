# expect: error TypeError
# cpython: same
'a' <= 1
