# expect: ok
# cpython: same
print((-2**63) % -1)
