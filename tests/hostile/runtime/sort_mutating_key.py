# expect: error ValueError
# cpython: same
x = [3, 1, 2]
x.sort(key=lambda v: x.append(v) or v)
