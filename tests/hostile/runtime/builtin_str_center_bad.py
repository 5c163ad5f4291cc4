# expect: error TypeError
# cpython: same
'a'.center(5, 'xy')
