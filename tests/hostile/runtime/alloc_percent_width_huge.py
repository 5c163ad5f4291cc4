# expect: error MemoryError|OverflowError|ValueError
'%1000000000000d' % 1
