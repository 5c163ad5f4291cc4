# expect: error TypeError
# cpython: same
[].insert('a', 1)
