# Tuple, list and dict subclasses in unpacking, * and ** calls and % formatting.
class T(tuple): pass
class D(dict): pass
class L(list): pass
def f(*args, **kw):
    return args, sorted(kw.items())
print("%s-%s" % T((1, 2)))
print(f(*T((1, 2)), **D(a=1)))
print("{a}{b}".format(**D(a=1, b=2)), "{0}{1}".format(*L("xy")))
x, *rest = L([1, 2, 3])
print(x, rest)
a, b = T((5, 6))
print(a + b)
print({**D(k=1), "z": 2}, [*L([1]), *T((2,))], dict(D(q=1), r=2))
print(D(a=1) == {"a": 1}, {"a": 1} == D(a=1), L([1]) + L([2]), type(L([1]) + L([2])).__name__)
for k, v in D(m=1, n=2).items():
    print(k, v)
print(sorted(D(b=1, a=2), key=D(b=1, a=2).get))
import math
print(math.sqrt(type("F", (float,), {})(16.0)), math.floor(type("G", (float,), {})(2.7)))
print(isinstance(T(), tuple), issubclass(D, dict), T.__mro__, T.__bases__)
