# Big ints: promotion on overflow, literals of any size, mixed ops, comparisons, hashing.
x = 123456789012345678901234567890
print(x, -x, 0xffffffffffffffffffff, -9223372036854775808, type(-9223372036854775808))
print(x + 1, x * x, x // 7, x % 7, -x // 7, -x % 7, x ** 3, 2 ** 200)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 3037000500 * 3037000500)
print(x == x + 0, x < x + 1, x > 1e300, 2**64 == 2.0**64, 2**64 + 1 == 2.0**64)
print(hash(2**61), hash(2**61 - 1), hash(-2**61), hash(2**100) == hash(2.0**100))
print({2**64: "a"}[2**64], x & 0xffff, x | 1, x ^ x, x >> 10, 1 << 100, ~x, -(-x))
print(10**30 / 10**10, (2**64) / 3, True + 2**64, 2**64 * 1.5)
r = 1
for i in range(1, 31):
    r *= i
print(r, sum([2**64, 2**64]), abs(-2**70), str(2**70), repr(-2**70), f"{2**70}")
print(int(1e300) == 10**300, int(1e30), int(-2.5e20), int(2**70), 2**64 - 2**64)
print(sorted([2**70, -2**70, 1, 0.5, 2**65]), max(2**80, 3), min(-2**80, 3.0))
