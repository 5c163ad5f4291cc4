# expect: ok
# cpython: same
print(range((-9223372036854775807 - 1), 9223372036854775807)[2**62])
