# expect: error MemoryError|OverflowError
'ab' * 2**62
