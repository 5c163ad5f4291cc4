# expect: error TypeError
# cpython: same
sum(['a', 'b'], '')
