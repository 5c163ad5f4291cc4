print(0, 7, -7, 1_000_000)
print(0x1F, 0o17, 0b1011, 0XFF, -0x10)
print(9223372036854775807)
print(-9223372036854775807 - 1)
print(type(42).__name__)
print(repr(12345), str(-5))
x = 10
print(x, -x, +x)
