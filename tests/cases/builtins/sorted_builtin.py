words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted((5, -1)), sorted("cab"), sorted({"b": 1, "a": 2}))
pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: (-p[1], p[0])))
records = [(1, "x"), (0, "y"), (1, "z"), (0, "w")]
print(sorted(records, key=lambda r: r[0], reverse=True))
nums = [5, 2, 8]
nums.sort()
print(nums, sorted([]), sorted([2.5, 1, 2]))
