# expect: error OverflowError
# cpython: same
print(len(range((-9223372036854775807 - 1), 9223372036854775807, 2)))
