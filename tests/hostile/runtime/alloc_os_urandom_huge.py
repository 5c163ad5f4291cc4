# expect: error MemoryError|OverflowError
import os
os.urandom(10**12)
