# expect: error MemoryError|OverflowError
import random
random.choices([1, 2], k=10**12)
