# expect: error MemoryError|OverflowError
'x' * 10**12
