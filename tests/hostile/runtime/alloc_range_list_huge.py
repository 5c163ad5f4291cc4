# expect: error MemoryError|OverflowError
list(range(10**12))
