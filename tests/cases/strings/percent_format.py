print("%d items" % 5)
print("%s and %s" % ("this", "that"))
print("%5.2f|%-5d|%05d" % (3.14159, 42, 7))
print("%r %x %%" % ("q", 255))
