# expect: ok
# cpython: same
s = format(1e300, ',.70000f')
print(len(s), s[:30], s[-5:])
