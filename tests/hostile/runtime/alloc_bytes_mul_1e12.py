# expect: error MemoryError|OverflowError
b'x' * 10**12
