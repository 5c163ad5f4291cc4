def gen():
    yield 1
    yield 2

g = gen()
next(g)
try:
    g.throw(ZeroDivisionError, "div")
except ZeroDivisionError as e:
    print("propagated", e)
print(list(g))

def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)
            return "done"

c = catcher()
next(c)
try:
    c.throw(ValueError("v"))
except StopIteration as e:
    print("returned", e.value)
