# expect: ok
# cpython: same
print(list(range(9223372036854775807 - 1, 9223372036854775807)[::-1]))
