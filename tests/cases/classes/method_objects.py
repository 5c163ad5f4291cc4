class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self, other):
        return f"{self.name} greets {other}"

g = Greeter("Ada")
bound = g.greet
print(bound("Bob"))
print(list(map(g.greet, ["C", "D"])))
unbound = Greeter.greet
print(unbound(g, "Eve"))
g.name = "Changed"
print(bound("Fay"))
