# expect: error MemoryError|OverflowError
[0] * (2**63 - 1)
