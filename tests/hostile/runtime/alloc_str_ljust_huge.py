# expect: error MemoryError|OverflowError
'x'.ljust(10**12)
