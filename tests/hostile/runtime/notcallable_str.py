# expect: error TypeError
# cpython: same
'a'()
