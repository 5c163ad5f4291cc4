# random.randrange / randint over ranges past 64 bits: CPython's numbers from a seed, and the errors
import random
random.seed(12345)
print(random.randrange(2**70), random.randrange(2**64, 2**90), random.randint(-2**80, 2**80))
print(random.randrange(2**100, 0, -(2**33)), random.randrange(10**30, 10**31, 7), random.randint(2**64, 2**64))
print(random.random(), random.randrange(100))
for bad in (lambda: random.randrange(2**70, 2**70), lambda: random.randrange(-2**70), lambda: random.randrange(0, 2**70, 0),
            lambda: random.randrange(2**70, 0, 2**65)):
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
