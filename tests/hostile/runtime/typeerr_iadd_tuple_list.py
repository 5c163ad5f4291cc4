# expect: error TypeError
# cpython: same
t = (1,)
t += [2]
