def bad():
    yield 1
    next(iter([]))

try:
    for x in bad():
        print(x)
except RuntimeError as e:
    print("RuntimeError:", e)
    print(type(e.__cause__).__name__)

def explicit():
    yield 1
    raise StopIteration("x")

g = explicit()
next(g)
try:
    next(g)
except RuntimeError as e:
    print(e)

def reentrant():
    yield next(me)

me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
