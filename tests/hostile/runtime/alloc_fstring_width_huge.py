# expect: error MemoryError|OverflowError
f'{1:{10**12}}'
