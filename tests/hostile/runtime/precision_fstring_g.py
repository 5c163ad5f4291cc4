# expect: ok
# cpython: same
s = f'{0.1:.70000g}'
print(len(s), s[:30], s[-5:])
