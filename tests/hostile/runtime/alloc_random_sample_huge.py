# expect: error MemoryError|OverflowError
import random
random.sample(range(10**12), 10**11)
