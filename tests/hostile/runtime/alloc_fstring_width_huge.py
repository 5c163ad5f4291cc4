# expect: error MemoryError|OverflowError|ValueError
f'{1:{10**12}}'
