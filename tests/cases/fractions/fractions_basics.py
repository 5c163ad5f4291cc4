from fractions import Fraction as F
import math
print(F(1, 3) + F(1, 6), F("3/4") * 2, F(0.5), F(10, -4), repr(F(3, 9)), F(7, 2) // 1, float(F(1, 8)))
print(F(1, 3) < F(1, 2), F(1, 2) == 0.5, F(2, 1) == 2, round(F(7, 3), 2), round(F(5, 2)), round(F(7, 2)))
print(F(5).limit_denominator(3), F(3.14159).limit_denominator(100), F(math.pi).limit_denominator(1000))
print(F(" -1.25e1 "), F("7"), F(1, 3) ** 2, F(4, 9) ** -1, F(2) ** F(1, 2), abs(F(-3, 4)), -F(1, 2))
print(F(7, 3) % 1, divmod(F(7, 3), F(1, 2)), int(F(-7, 2)), math.floor(F(-7, 2)), math.ceil(F(-7, 2)))
print(F(1, 3).numerator, F(1, 3).denominator, F(6, 4).as_integer_ratio(), F.from_float(0.1), hash(F(1, 2)) == hash(0.5))
print(sorted([F(1, 2), F(1, 3), 0.4, 1]), F(1, 2) + 1, 1 - F(1, 2), F(1, 2) * 0.5, str(F(-0)))
for bad in [(1, 0), ("x",), ("1/0",), (1.5, 2)]:
    try:
        F(*bad)
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    F(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
