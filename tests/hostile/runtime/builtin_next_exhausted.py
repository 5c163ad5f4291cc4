# expect: error StopIteration
# cpython: same
next(iter([]))
