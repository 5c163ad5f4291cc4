def add(a, b):
    return a + b

def defaults(a, b=2, c=-1.5, *args, d, e="x", **kw):
    """Docstring."""
    return (a, b, c, args, d, e, kw)

def posonly(a, /, b, *, c=[]):
    pass

def computed_default(n=len("abc")):
    return n

square = lambda x, y=2: x ** y

def decorate(f):
    return f

@decorate
@decorate
def decorated():
    return None

print(add(1, 2), square(3))
