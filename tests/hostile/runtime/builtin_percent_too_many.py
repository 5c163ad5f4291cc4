# expect: error TypeError
# cpython: same
'%s' % (1, 2)
