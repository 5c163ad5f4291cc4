# expect: ok
# cpython: same
print(1e-99999, 1e400)
