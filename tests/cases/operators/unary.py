x = 5
print(-x, +x, --x, -(-x), ~x)
y = -2.5
print(-y, +y, abs(y))
print(not x, not not x, not 0)
print(-True, +False, ~True)
