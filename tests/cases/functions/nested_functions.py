def outer(x):
    def middle(y):
        def inner(z):
            return x + y + z
        return inner(3)
    return middle(2)

print(outer(1))

def make_ops():
    def add(a, b):
        return a + b
    def sub(a, b):
        return a - b
    return add, sub

add, sub = make_ops()
print(add(5, 3), sub(5, 3))
