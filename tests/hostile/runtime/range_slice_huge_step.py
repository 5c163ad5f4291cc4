# expect: ok
# cpython: same
print(list(range(0, 10, 2)[::9223372036854775807]))
