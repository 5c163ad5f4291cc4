# expect: ok
# cpython: same
print((-9223372036854775807 - 1) % -1)
