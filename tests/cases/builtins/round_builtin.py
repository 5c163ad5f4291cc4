print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(-0.5))
print(round(2.675, 2), round(1.23456, 3), round(1234.5678, -2), round(15, -1), round(25, -1))
print(round(7), type(round(2.5)).__name__, type(round(2.5, 1)).__name__, type(round(7, 1)).__name__)
print(round(0.1 + 0.2, 10), round(-1.005, 2), round(1e-9, 3))
