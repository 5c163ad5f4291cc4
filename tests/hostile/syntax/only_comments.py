# expect: ok
# cpython: same
# nothing
# at all
