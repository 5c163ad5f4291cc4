z = 1 + 2j
print(z)
print(z / 0)
