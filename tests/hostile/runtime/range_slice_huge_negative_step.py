# expect: ok
# cpython: same
print(list(range(0, 10, 3)[::-9223372036854775807]))
