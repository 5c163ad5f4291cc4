# expect: error TypeError
# cpython: same
abs('a')
