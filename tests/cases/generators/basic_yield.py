def count(n):
    i = 0
    while i < n:
        yield i
        i += 1

g = count(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("exhausted", e.value, e.args)
print(list(count(5)))
for x in count(2):
    print("for", x)
print(next(count(0), "default"))
print(type(count(1)).__name__)
