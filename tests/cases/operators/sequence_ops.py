print("ab" + "cd", "ab" * 3, 3 * "-", "x" * 0, "y" * -1)
print([1, 2] + [3], [0] * 3, 2 * [1, 2], (1,) + (2, 3), (0,) * 2)
print([] * 5, "" + "")
lst = [1]
lst += [2, 3]
lst *= 2
print(lst)
s = "a"
s += "b"
s *= 3
print(s)
