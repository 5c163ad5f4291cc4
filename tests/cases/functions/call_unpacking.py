def point(x, y, z=0):
    return (x, y, z)

args = (1, 2)
kwargs = {"z": 3}
print(point(*args), point(*args, **kwargs), point(**{"x": 5, "y": 6}))
print(point(*[7], **{"y": 8}))
print(point(*range(3)))
print(max(*[3, 9, 2]), print(*["a", "b"], sep="-"))
