# expect: error TypeError
# cpython: same
'a' ** 2
