# expect: ok
# cpython: same
print(1 >> 2**62)
