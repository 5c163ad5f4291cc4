# expect: error RuntimeError
# cpython: same
s = {1, 2, 3}
for k in s:
    s.discard(k)
