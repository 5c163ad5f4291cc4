class Res:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, *exc):
        print("close", self.name)

with Res("a") as a, Res("b") as b:
    print("using", a.name, b.name)
with Res("outer"):
    with Res("inner"):
        print("deep")
