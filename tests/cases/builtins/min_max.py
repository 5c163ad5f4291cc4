print(min(3, 1, 2), max(3, 1, 2), min([4, 5, 0]), max((1.5, 2.5)))
print(min("banana"), max(["apple", "pear", "fig"]))
print(min(["apple", "pear", "fig"], key=len), max(["apple", "pear", "fig"], key=len))
print(max([1, 3, 3, 2], key=lambda x: x % 3), min([], default="empty"), max([], default=None))
print(max(-1, -5, key=abs), min(1, 1.0), max(1.0, 1))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
