# expect: ok
# cpython: same
s = '%.1100f' % 5e-324
print(len(s), s[:30], s[-5:])
