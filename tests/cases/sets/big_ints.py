# Large and negative ints (hash modulo 2**61 - 1).
m = 2**61 - 1
print({m, m + 1, m + 5, 1, 5, 0})
print(set([2**62, 2**62 + 1, -2**62, 3]))
print({-1, -2})
print(set([-2, -1]))
print(set(range(-10, 10, 3)))
print({10**18, 10**17, 10**16, 10**15, 7})
