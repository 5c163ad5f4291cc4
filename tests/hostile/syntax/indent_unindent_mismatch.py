# expect: error IndentationError
# cpython: same
if 1:
        a = 1
    b = 2
