# globals(), locals(), vars() and dir() without arguments, at module level, in functions,
# closures, class bodies and comprehensions.
import sys

counter = 0
g = globals()
print(type(g).__name__, g is globals(), g['counter'])
g['made_here'] = 41
print(made_here + 1)
globals()['counter'] += 5
print(counter)
del globals()['made_here']
print('made_here' in globals())

# At module level locals() and vars() are the globals.
print(locals() is globals(), vars() is globals())
print([n for n in dir() if not n.startswith('__')])


def f(a, b=2, *args, **kw):
    c = a + b
    d = locals()
    print(sorted(d.items()))
    d['c'] = 1000  # a snapshot: the local is unchanged
    print(c)
    print(vars() == locals())
    print(dir())


f(1)
f(1, 3, 4, 5, x=6)


def unbound():
    print(locals())
    x = 1
    print(locals())
    del x
    print(locals())


unbound()


def outer():
    x = 10
    y = 20

    def inner(z):
        # free variables are part of locals(), as in CPython 3.11
        return sorted(locals().items()), x

    print(inner(3))
    print(sorted(locals()))


outer()


def param_cell(p):
    def get():
        return p

    return sorted(locals())


print(param_cell(1))


class K:
    a = 1
    b = a + 1
    print(sorted(k for k in locals() if not k.startswith('__')))
    print(locals()['__qualname__'], vars()['__module__'])
    locals()['c'] = 3  # the class namespace itself


print(K.c)
print([sorted(locals()) for q in range(1)])


def gen():
    n = 0
    yield sorted(locals())
    m = 1
    yield sorted(locals())


print(list(gen()))

# vars(obj) and module __dict__ are the live dicts.
import math

print(vars(math) is math.__dict__, vars(sys) is sys.__dict__)
vars(math)['tau2'] = 2 * math.tau
print(math.tau2 == 4 * math.pi)


class P:
    def __init__(self):
        self.x = 1


p = P()
vars(p)['y'] = 2
print(p.y, sorted(vars(p)))
for bad in (1, 'x', [1]):
    try:
        vars(bad)
    except TypeError as e:
        print(e)
for call in (lambda: globals(1), lambda: locals(1), lambda: vars(1, 2), lambda: dir(1, 2)):
    try:
        call()
    except TypeError as e:
        print(e)
