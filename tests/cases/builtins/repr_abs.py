print(repr(1), repr(1.0), repr("s"), repr([1, "s"]), repr((1,)), repr(None), repr({"a": [1]}))
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(True))
print(repr(repr("q")), repr(-0.5), repr(1e100))
