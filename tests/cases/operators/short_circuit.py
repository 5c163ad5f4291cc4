def noisy(name, value):
    print("eval", name)
    return value

print(noisy("a", 0) and noisy("b", 1))
print(noisy("c", 1) and noisy("d", 2))
print(noisy("e", 0) or noisy("f", ""))
print(noisy("g", "yes") or noisy("h", 1))
print(0 or [] or {} or "last")
print(1 and "x" and [1])
print(None and undefined_name_never_evaluated)
print(True or undefined_name_never_evaluated)
print(not 0, not "x", not [])
