# expect: ok
# args: --max-memory 64
try:
    x = 'x' * (10**12)
except MemoryError:
    print('caught')
