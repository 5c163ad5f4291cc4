# Bools and floats hash like the ints they equal; other floats hash as in CPython.
print({True, 2, 0, False})
print({1.0, 3, 2.0})
print(set([8.0, 1, 0.0, 16]))
print({0.5, 1.5, 2.25, 100.0, -0.5})
print(set([1e300, 1e-300, 3.75, float("inf"), -float("inf")]))
print({2, 2.0, True, 1.0})
