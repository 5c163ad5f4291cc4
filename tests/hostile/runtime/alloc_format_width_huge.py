# expect: error MemoryError|OverflowError
format(1, '1000000000000')
