# expect: error IndentationError
# cpython: same
if 1:
pass
