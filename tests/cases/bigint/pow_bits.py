# Three-argument pow (with modular inverses) and bit_length/bit_count on big ints.
print(pow(3, 2**100, 10**9 + 7), pow(2**100, 3, 97), pow(7, -1, 2**70 + 1), pow(5, 10**20, -(2**65)))
print((2**100).bit_length(), (-(2**100) + 1).bit_length(), (2**100 - 1).bit_count(), (3**50).bit_count())
try:
    pow(2**64, -1, 2**66)
except ValueError as e:
    print(e)
