class Config:
    default_size = 10
    registry = []

    def __init__(self, name):
        self.name = name
        Config.registry.append(name)

a = Config("a")
b = Config("b")
print(a.default_size, Config.default_size)
a.default_size = 99
print(a.default_size, b.default_size, Config.default_size)
Config.default_size = 20
print(a.default_size, b.default_size)
print(Config.registry, a.registry is b.registry)
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
for _ in range(5):
    Counter()
print(Counter.count)
