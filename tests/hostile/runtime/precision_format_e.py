# expect: ok
# cpython: same
s = '{:.100000e}'.format(-2.5e-300)
print(len(s), s[:30], s[-5:])
