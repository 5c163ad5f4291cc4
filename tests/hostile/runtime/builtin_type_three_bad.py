# expect: error TypeError
# cpython: same
type('A', 1, {})
