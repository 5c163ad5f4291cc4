# random.getrandbits(k) past 64 bits: the same words, in the same order, as CPython.
import random
random.seed(12345)
print(random.getrandbits(64), random.getrandbits(100), random.getrandbits(33), random.getrandbits(256))
print(random.getrandbits(1000) % 10**20, random.random())
