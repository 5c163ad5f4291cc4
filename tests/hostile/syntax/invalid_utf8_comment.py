# Ã(
print(1)
