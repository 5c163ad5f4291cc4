# Variable annotations: module and class __annotations__, evaluated in order; not in functions.
x: int = 5
y: "str"
print(__annotations__, x)
class C:
    a: int = 1
    b: list[int]
    if True:
        c: float = 2.0
    def f(self):
        z: undefined_name = 3
        return z
print(C.__annotations__, C.a, C().f(), hasattr(C, 'b'))
class D:
    pass
print('__annotations__' in D.__dict__)
import types
ns = types.SimpleNamespace()
ns.v: int = 3
print(ns.v)
try:
    class E:
        q: nosuch = 1
except NameError as e:
    print(e)
