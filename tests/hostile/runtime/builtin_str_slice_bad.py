# expect: error TypeError
# cpython: same
'abc'['a':]
