print(list(range(5)), list(range(2, 6)), list(range(0, 10, 3)))
print(list(range(10, 0, -2)), list(range(5, 5)), list(range(5, 0)))
print(len(range(0, 100, 7)), range(3)[1], range(10)[-1], list(range(-3, 3)))
total = 0
for i in range(1, 101):
    total += i
print(total)
r = range(1, 10, 2)
print(r, r[2], len(r))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
