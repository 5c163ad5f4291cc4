# expect: error IndentationError
# cpython: same
class C:
# only a comment
