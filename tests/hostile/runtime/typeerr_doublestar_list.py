# expect: error TypeError
# cpython: same
print(**[])
