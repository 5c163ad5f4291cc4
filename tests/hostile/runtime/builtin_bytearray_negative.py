# expect: error ValueError
# cpython: same
bytearray(-1)
