# expect: error MemoryError|OverflowError
[0] * 10**12
