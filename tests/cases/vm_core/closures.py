def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c = make_counter()
c(); c(); print(c(10))
def outer(x):
    def mid():
        def inner():
            return x * 2
        return inner()
    return mid()
print(outer(21))
adders = [lambda y, k=k: y + k for k in range(3)]
print([f(10) for f in adders])
def param_cell(a, b):
    def g():
        return a + b
    a = a * 10
    return g()
print(param_cell(1, 2))
