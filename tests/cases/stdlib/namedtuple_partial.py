# namedtuple (fields, defaults, errors, pattern matching) and functools' decorators.
from collections import namedtuple
import functools

Point = namedtuple('Point', ['x', 'y'])
p = Point(3, 4)
print(p, p.x + p.y, p[0], len(p), p == (3, 4), hash(p) == hash((3, 4)))
print(p._asdict(), p._replace(y=0), Point._make(range(2)), Point._fields, Point.__doc__)
match p:
    case Point(x, y) if x < y:
        print('match', x, y)
Node = namedtuple('Node', 'value left right', defaults=(None, None))
print(Node(1), Node._field_defaults)
for bad in (lambda: Point(1), lambda: Point(1, 2, 3), lambda: namedtuple('T', 'a a'),
            lambda: namedtuple('T', 'def'), lambda: namedtuple('T', '_x'),
            lambda: Point(1, 2)._replace(z=1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(namedtuple('R', 'a def _x', rename=True)._fields)

calls = []
@functools.lru_cache(maxsize=2)
def square(n):
    calls.append(n)
    return n * n
for n in [1, 2, 1, 3, 1, 2]:
    square(n)
print(calls, square.cache_info())
square.cache_clear(); print(square.cache_info())

@functools.cache
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)
print(ways(80))

class Circle:
    def __init__(self, r):
        self.r = r
    @functools.cached_property
    def area(self):
        print('computing')
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area)

@functools.singledispatch
def show(x):
    return 'object'
@show.register(int)
def _(x):
    return 'int'
@show.register(list)
def _(x):
    return 'list'
print(show(1), show(True), show([]), show('s'))
print(functools.reduce(lambda a, b: a * 10 + b, [1, 2, 3], 0))
try:
    functools.reduce(max, [])
except TypeError as e:
    print(e)
base2 = functools.partial(int, base=2)
nested = functools.partial(base2, '111')
print(nested(), nested.args, nested.keywords, nested.func is int)
