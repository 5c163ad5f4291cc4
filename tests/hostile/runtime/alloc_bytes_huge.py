# expect: error MemoryError|OverflowError
bytes(10**12)
