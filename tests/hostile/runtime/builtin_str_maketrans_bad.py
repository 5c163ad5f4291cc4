# expect: error TypeError
# cpython: same
str.maketrans(1)
