# expect: error IndexError
# cpython: same
'{}'.format()
