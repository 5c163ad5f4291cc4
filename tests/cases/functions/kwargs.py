def show(**options):
    print(type(options).__name__, options)
    for key in options:
        print(" ", key, "=", options[key])

show()
show(color="red", size=3)

def everything(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)

print(everything(1, c=3))
print(everything(1, 2, 3, 4, c=5, e=6, f=7))
settings = {"c": 30, "z": 26}
print(everything(*[1, 2, 3], **settings))
