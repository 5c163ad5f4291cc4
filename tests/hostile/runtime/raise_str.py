# expect: error TypeError
# cpython: same
raise 'error'
