# expect: error MemoryError|OverflowError
'%1000000000000d' % 1
