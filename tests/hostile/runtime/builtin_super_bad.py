# expect: error TypeError
# cpython: same
super(int, 'a')
