a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
x, y = 7.5, 2.0
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** y)
print(1 + 2.0, 3 * 1.5, 10 / 4, 10 // 4.0, 2 ** 0.5)
print(6 / 3, type(6 / 3).__name__, type(6 // 3).__name__)
print(-7 + 3, 3 - -2, 2 * -3)
