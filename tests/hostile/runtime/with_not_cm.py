# expect: error TypeError
# cpython: same
with 5:
    pass
