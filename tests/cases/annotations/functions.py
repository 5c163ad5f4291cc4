# Function annotations (evaluated at def time in CPython 3.11 order), __kwdefaults__.
def f(a: int, b: "str" = 'x', *args: tuple, c: float = 1.0, **kw: dict) -> bool: pass
print(f.__annotations__)
def g(x, /, y: int, z=2): pass
print(g.__annotations__, g.__kwdefaults__, f.__kwdefaults__)
def h(): pass
print(h.__annotations__, h.__annotations__ is h.__annotations__)
order = []
def note(v):
    order.append(v)
    return v
def k(a: note(1) = note(0), *, b: note(3) = note(2)) -> note(4): pass
print(order, k.__annotations__)
class C:
    def m(self, v: "C") -> None: pass
print(C.m.__annotations__)
h.__annotations__ = {'q': 1}
print(h.__annotations__)
