square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2))
print((lambda: "no args")())
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
ops = {"+": lambda a, b: a + b, "*": lambda a, b: a * b}
print(ops["+"](3, 4), ops["*"](3, 4))
make_adder = lambda n: lambda x: x + n
print(make_adder(5)(10))
print((lambda *args, **kw: (args, kw))(1, 2, k=3))
print(square.__name__)
