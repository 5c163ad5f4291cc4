# expect: error RuntimeError
# cpython: same
super()
