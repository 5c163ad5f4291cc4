# expect: ok
# cpython: same
if 1:
    print(1)
