# expect: error TypeError
# cpython: same
s = 'abc'
s[0] = 'x'
