# expect: error TypeError
# cpython: same
t = (1,)
del t[0]
