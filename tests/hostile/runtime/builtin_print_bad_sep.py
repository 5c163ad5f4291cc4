# expect: error TypeError
# cpython: same
print(1, sep=1)
