# expect: ok
# cpython: same
d = {}
d['d'] = d
print(d)
