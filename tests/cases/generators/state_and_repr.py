def gen():
    yield 1

g = gen()
r = repr(g)
print(r.startswith("<generator object gen at 0x"), r.endswith(">"))
class K:
    def items(self):
        yield "a"
print(repr(K().items()).startswith("<generator object K.items at 0x"))
ge = (x for x in [])
print(repr(ge).startswith("<generator object <genexpr> at 0x"))

def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")

for v in with_finally():
    print(v)

def closure_gen():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    for i in range(3):
        yield add(i)
print(list(closure_gen()))

def exc_state():
    try:
        raise KeyError("inside")
    except KeyError:
        yield "in handler"
        raise

e = exc_state()
print(next(e))
try:
    next(e)
except KeyError as err:
    print("re-raised", err)
