# expect: error KeyError
# cpython: same
set().pop()
