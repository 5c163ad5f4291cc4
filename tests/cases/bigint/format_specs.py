# Format specs and %-conversions of ints past 64 bits: grouping, bases, padding, signs, the
# float types, and the errors.
big = 2**100
for spec in ("", ",", "_", "x", "X", "#x", "o", "#o", "b", "_b", "#_x", ">40", "<40", "^41",
             "=+40", "+", " ", "-", "040,", "e", ".3e", "f", "g", "%", "n", "d"):
    print(repr(spec), format(big, spec), format(-big, spec))
print(f"{3**50:>60}|{-(3**40):_}|{2**64:#X}|{2**70:,d}")
print("%d|%i|%u|%x|%X|%o|%#x|%#o" % ((big,) * 8))
print("%+d|% d|%40d|%-40d|%040d|%.50d" % (big, big, -big, big, -big, big))
print(b"%d %x" % (2**80, -2**80))
for bad in ("c", ".3", "z", "s", "j"):
    try:
        format(big, bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(bad, type(e).__name__, e)
try:
    format(10**400, "f")
except OverflowError as e:
    print("OverflowError", e)
