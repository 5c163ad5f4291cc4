# expect: ok
# cpython: same
try:
    pass
except 5:
    pass
print('ok')
