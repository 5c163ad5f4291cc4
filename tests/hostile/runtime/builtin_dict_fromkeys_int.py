# expect: error TypeError
# cpython: same
dict.fromkeys(1)
