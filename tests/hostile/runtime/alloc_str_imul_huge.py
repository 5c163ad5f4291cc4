# expect: error MemoryError|OverflowError
x = 'ab'
x *= 10**12
