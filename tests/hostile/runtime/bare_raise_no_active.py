# expect: error RuntimeError
# cpython: same
raise
