# expect: error RuntimeError
# cpython: same
d = {1: 1}
k = d.keys()
for x in k:
    d.pop(x)
    d[x + 1] = 1
