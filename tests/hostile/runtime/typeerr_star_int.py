# expect: error TypeError
# cpython: same
print(*5)
