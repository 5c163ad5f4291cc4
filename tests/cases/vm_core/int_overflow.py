x = 2 ** 62
try:
    print(x * 4)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(9223372036854775807 + 1)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(2 ** 64)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(1 << 63)
except OverflowError as e:
    print("OverflowError:", e)
print(9223372036854775807, -9223372036854775807 - 1, 2 ** 62 - 1 + 2 ** 62)
