# expect: error ValueError
# cpython: same
'a'.split('')
