print(list(zip([1, 2, 3], "abc")))
print(list(zip([1, 2, 3], ["x"])), list(zip()), list(zip([1, 2])))
names = ["a", "b"]
ages = [1, 2]
cities = ("x", "y")
for n, a, c in zip(names, ages, cities):
    print(n, a, c)
pairs = [(1, "one"), (2, "two")]
nums, words = zip(*pairs)
print(nums, words)
print(dict(zip("ab", range(2))))
