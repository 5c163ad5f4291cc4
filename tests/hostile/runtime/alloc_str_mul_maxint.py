# expect: error MemoryError|OverflowError
'x' * (2**63 - 1)
