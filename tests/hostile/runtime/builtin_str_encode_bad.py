# expect: error LookupError
# cpython: same
'a'.encode('no-such-codec')
