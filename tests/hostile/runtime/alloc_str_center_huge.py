# expect: error MemoryError|OverflowError
'x'.center(2**62)
