def f(*args, **kwargs):
    return args, kwargs

f(1, 2)
f(1, key="v", other=2)
f(*[1, 2])
f(0, *[1, 2], 3, *(4,))
f(**{"a": 1})
f(1, a=2, **{"b": 3}, c=4, **{"d": 5})
obj = [3, 1, 2]
obj.sort()
obj.append(4)
obj.sort(reverse=True)
print("a", "b", sep="-", end="\n")
print(*obj)
