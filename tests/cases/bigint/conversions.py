# Big ints through int(str, base) of any size, float(), math and true division.
print(2**100, float(2**70), int("1" * 30), int("-0x" + "f" * 20, 16), int("1_000_000_000_000_000_000_000"), int("  -99999999999999999999  "))
import math
print(math.sqrt(2**80), 2**64 / 3, float(-(2**100)))
try: int("9" * 5000)
except ValueError as e: print(str(e)[:60])
try: float(2**2000)
except OverflowError as e: print(e)
try: int("12a" + "0"*30)
except ValueError as e: print(e)
