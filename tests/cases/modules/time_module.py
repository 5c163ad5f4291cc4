import time
from time import perf_counter

t0 = time.time()
p0 = perf_counter()
m0 = time.monotonic()
print(type(t0).__name__, type(p0).__name__, type(m0).__name__)
print(t0 > 1_600_000_000)
time.sleep(0.02)
p1 = perf_counter()
m1 = time.monotonic()
print(p1 - p0 >= 0.015, m1 >= m0, time.time() >= t0)
print(time.sleep(0) is None)
total = 0
for i in range(1000):
    total += i
print(perf_counter() >= p1, total)
