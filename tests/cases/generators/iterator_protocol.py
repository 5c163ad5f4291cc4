class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

print(list(Countdown(3)))
for x in Countdown(2):
    print(x)

class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c

t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t))
print(sum(t))
it = iter(t)
print(next(it), next(it))
def gen():
    yield 1
g = gen()
print(iter(g) is g)
