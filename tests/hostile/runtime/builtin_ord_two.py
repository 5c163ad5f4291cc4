# expect: error TypeError
# cpython: same
ord('ab')
