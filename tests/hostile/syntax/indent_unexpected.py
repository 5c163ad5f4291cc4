# expect: error IndentationError
# cpython: same
x = 1
    y = 2
