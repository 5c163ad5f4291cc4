# Set literals built from variables iterate in CPython's slot order.
a, b, c = 3, 1, 2
print({a, b, c})
x, y, z = 10, 5, 100
print({x, y, z})
print({-1, -2, -3})
n = 7
print({n, n * 8, n * 64, 0, 1})
print({3, 1, 2})
print({9, 1})
s = {5, 4, 3}
print(str(s), repr(s), list(s))
for v in {30, 20, 10}:
    print(v, end=" ")
print()
