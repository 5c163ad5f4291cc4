# expect: error MemoryError|OverflowError|ValueError
format(1, '1000000000000')
