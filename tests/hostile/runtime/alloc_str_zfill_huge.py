# expect: error MemoryError|OverflowError
'1'.zfill(10**12)
