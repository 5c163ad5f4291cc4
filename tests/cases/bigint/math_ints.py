# math's integer functions and bin/hex/oct on ints of any size, and their errors.
import math

print(math.factorial(30), math.factorial(0), len(str(math.factorial(1000))))
print(math.comb(100, 50), math.comb(10, 11), math.perm(30, 20), math.perm(5))
print(math.gcd(2**100, 6**40), math.gcd(), math.gcd(-12, 18), math.lcm(2**70, 3**40, 10))
print(math.lcm(), math.lcm(0, 5), math.isqrt(10**40), math.isqrt(2**101), math.isqrt(0))
for bad in (lambda: math.factorial(-1), lambda: math.factorial(2.5), lambda: math.isqrt(-1),
            lambda: math.comb(-1, 2), lambda: math.perm(3, -1)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(hex(2**100), bin(-2**70), oct(8**30), hex(-255))
