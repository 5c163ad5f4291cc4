def inner(n):
    for i in range(n):
        got = yield i
        if got:
            print("inner got", got)
    return n * 10

def outer():
    a = yield from inner(2)
    print("a =", a)
    b = yield from inner(3)
    print("b =", b)
    yield from [100, 200]
    yield from "xy"
    return a + b

g = outer()
print(next(g))
print(g.send("hello"))
print(list(g))

def chain(*its):
    for it in its:
        yield from it

print(list(chain([1, 2], (3,), range(4, 6))))

def delegating_throw():
    try:
        yield from inner_catch()
    except KeyError:
        print("outer saw KeyError")

def inner_catch():
    try:
        yield 1
    except ValueError:
        print("inner caught ValueError")
        yield 2
    yield 3

d = delegating_throw()
print(next(d))
print(d.throw(ValueError))
print(next(d))
d.close()
