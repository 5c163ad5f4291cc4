# expect: error MemoryError|OverflowError
x = [0]
x *= 10**12
