for i, ch in enumerate("abc"):
    print(i, ch)
print(list(enumerate(["x", "y"], start=1)), list(enumerate([], 5)))
print(list(enumerate("ab", 10)))
e = enumerate([7, 8])
print(next(e), next(e))
