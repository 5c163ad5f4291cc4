# expect: error MemoryError|OverflowError
[0, 1] * 2**62
