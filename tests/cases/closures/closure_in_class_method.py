class Multiplier:
    def __init__(self, factor):
        self.factor = factor

    def make(self):
        def apply(x):
            return x * self.factor
        return apply

times3 = Multiplier(3).make()
print(times3(7), list(map(times3, [1, 2])))
