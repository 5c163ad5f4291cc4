# expect: error TypeError
# cpython: same
'%d' % 'a'
