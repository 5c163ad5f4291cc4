# round(int, -n) for ints of any size: half to even, results past 64 bits.
print(round(12345, -2), round(12350, -2), round(12450, -2), round(-12350, -2))
print(round(9223372036854775807, -1), round(9223372036854775807, -18))
print(round(2**70 + 5, -1), round(2**70 + 15, -1), round(-(2**70) - 5, -1))
print(round(3**100, -40), round(3**100, -1000), round(3**100, 5), round(3**100))
print(type(round(10**30, -31)), round(10**30, -31), round(5 * 10**30, -31), round(15 * 10**30, -31))
print(round(True, -1), round(5, -1), round(15, -1), round(25, -1))
