# sys.set_int_max_str_digits / get_int_max_str_digits and the conversions they limit.
import sys
print(sys.get_int_max_str_digits())
big = 10**5000
try:
    str(big)
except ValueError as e:
    print("ValueError", str(e)[:40])
sys.set_int_max_str_digits(6000)
print(sys.get_int_max_str_digits(), len(str(big)), int("9" * 5500) % 1000)
sys.set_int_max_str_digits(0)
print(len(str(10**20000)))
for bad in (5, -1, 639):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print("ValueError", e)
sys.set_int_max_str_digits(maxdigits=640)
print(sys.get_int_max_str_digits())
try:
    int("1" * 641)
except ValueError as e:
    print("ValueError", e)
