print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(3))))
for x in reversed(["first", "second"]):
    print(x)
print("".join(reversed("stressed")))
