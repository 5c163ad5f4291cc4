# expect: error MemoryError|OverflowError
'\t'.expandtabs(10**12)
