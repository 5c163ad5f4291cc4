# expect: error MemoryError|OverflowError
'x' * 10**6 + ''.join(['y' * 10**6] * 10**7)
