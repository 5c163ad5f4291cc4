import math
import random
import time
import sys
import os
from math import sqrt, pi

def t(f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    print(repr(r))

print(sqrt(2), pi, math.e, math.tau, math.inf, math.nan)
t(lambda: [math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.trunc(-2.5), math.fabs(-3), math.sqrt(16)])
t(lambda: math.sqrt(-1))
t(lambda: math.log(0))
t(lambda: [math.log(math.e), math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(0.001), math.exp(1), math.pow(2, 0.5)])
t(lambda: math.exp(1000))
t(lambda: math.pow(0, -1))
t(lambda: [math.sin(math.pi / 6), math.cos(0), math.tan(math.pi / 4), math.asin(1), math.acos(0), math.atan(1), math.atan2(1, -1)])
t(lambda: math.acos(2))
t(lambda: [math.hypot(3, 4), math.hypot(1, 2, 3), math.degrees(math.pi), math.radians(180), math.dist((0, 0), (1, 1))])
t(lambda: [math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1.0)])
t(lambda: [math.gcd(12, 18), math.gcd(0, 5), math.gcd(), math.lcm(4, 6), math.factorial(0), math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.perm(4), math.isqrt(99)])
t(lambda: math.factorial(-1))
t(lambda: math.factorial(1.5))
t(lambda: math.floor(float("inf")))
t(lambda: [math.prod([1, 2, 3, 4]), math.prod([]), math.fsum([0.1] * 10), sum([0.1] * 10), math.copysign(3, -0.0), math.fmod(7, 3), math.modf(3.25), math.frexp(8.0), math.ldexp(0.5, 4)])
for seed in [0, 1, 42, 12345, 2**32 + 5, -7, 2**62]:
    random.seed(seed)
    print(seed, random.random(), random.randint(1, 100), random.randrange(10), random.randrange(5, 50, 5), random.choice("abcdef"), random.getrandbits(40))
random.seed(3)
xs = list(range(20))
random.shuffle(xs)
print(xs)
print(random.sample(range(1000), 8), random.sample(["a", "b", "c", "d"], 2), random.choices([1, 2, 3], k=6))
print(random.choices(["x", "y", "z"], weights=[1, 5, 2], k=6), random.choices("ab", cum_weights=[1, 10], k=4))
print(random.uniform(1, 10), random.gauss(0, 1), random.gauss(5, 2), random.gauss(), random.triangular(0, 10, 3), random.expovariate(2.0), random.normalvariate(0, 1))
r = random.Random(99)
print(r.random(), r.randint(0, 9))
random.seed(2.5)
print(random.random())
random.seed(10.0)
a = random.random()
random.seed(10)
print(a == random.random())
t(lambda: random.choice([]))
t(lambda: random.randrange(0))
t(lambda: random.randrange(5, 5))
t(lambda: random.sample([1, 2], 3))
t(lambda: random.sample({1, 2}, 1))
start = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.01)
print(time.time() - start >= 0.009, time.perf_counter() - p0 >= 0.009, time.monotonic() > m0, time.process_time() >= 0, type(time.time_ns()), type(time.perf_counter_ns()))
t(lambda: time.sleep(-1))
print(sys.maxsize, sys.byteorder, sys.platform, sys.getrecursionlimit(), type(sys.argv), len(sys.argv) >= 1)
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
t(lambda: sys.setswitchinterval(0))
t(lambda: sys.setrecursionlimit(0))
sys.stdout.write("written to stdout\n")
sys.stdout.flush()
print("to stderr", file=sys.stderr)
print(os.getpid() > 0, os.cpu_count() >= 1, os.getcwd() != "", os.sep, os.name, os.getenv("GILVM_SURELY_UNSET"), os.getenv("GILVM_SURELY_UNSET", "dflt"), "PATH" in os.environ)
try:
    sys.exit(3)
except SystemExit as e:
    print("exit", e.args)
try:
    sys.exit()
except SystemExit as e:
    print("exit", e.args)
print(sys.version_info[0], sys.version_info[:2] >= (3, 8))
