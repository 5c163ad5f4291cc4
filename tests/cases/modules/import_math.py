import math

print(math.sqrt(16), math.sqrt(2))
print(math.pi, math.e)
print(math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5), type(math.floor(1.5)).__name__)
print(math.pow(2, 10), math.exp(0), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), math.atan2(1, 1) * 4)
print(math.fabs(-3), math.isqrt(17), math.gcd(12, 18), math.factorial(10))
print(math.inf, -math.inf, math.isnan(math.nan), math.isinf(math.inf), math.isclose(0.1 + 0.2, 0.3))
print(math.trunc(-3.7), math.hypot(3, 4), math.degrees(math.pi), math.radians(180))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
