print(sum([1, 2, 3]), sum([]), sum((1.5, 2.5)), sum(range(10), 100))
print(sum([0.1] * 10), sum([1, 2.5]), sum([True, True, False]))
print(sum([[1], [2, 3]], []))
