print(any([0, "", None]), any([0, 1]), any([]), all([1, "a", [0]]), all([1, 0]), all([]))
print(any([x > 3 for x in [1, 5]]), all([x > 0 for x in [1, 5]]))
