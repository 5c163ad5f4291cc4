it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
print(next(it, "default"), next(iter(""), None))
it = iter({"a": 1})
print(next(it))
