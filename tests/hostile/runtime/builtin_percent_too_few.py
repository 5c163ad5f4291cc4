# expect: error TypeError
# cpython: same
'%s %s' % (1,)
