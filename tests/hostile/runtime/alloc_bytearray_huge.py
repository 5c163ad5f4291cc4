# expect: error MemoryError|OverflowError
bytearray(10**12)
