# expect: error AssertionError
# cpython: same
assert False, 'boom'
