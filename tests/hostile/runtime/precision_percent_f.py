# expect: ok
# cpython: same
s = '%.100000f' % 1.5
print(len(s), s[:30], s[-5:])
