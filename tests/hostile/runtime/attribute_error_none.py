# expect: error AttributeError
# cpython: same
None.foo
