# expect: ok|error ValueError
x = [3, 1, 2]
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        x.clear()
        return self.v < o.v
y = [K(3), K(1), K(2)]
x = y
y.sort()
print(len(y))
