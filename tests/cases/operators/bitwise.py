a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2)
print(-1 >> 3, -16 >> 2, 1 << 62, ~0, ~-1)
print(f"{a:b}", 255 & 0x0F)
x = 5
x <<= 3
x |= 1
x &= 0xFF
x ^= 0b11
x >>= 1
print(x)
print(True & False, True | False, True ^ True)
