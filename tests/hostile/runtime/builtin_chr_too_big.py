# expect: error ValueError
# cpython: same
chr(0x110000)
