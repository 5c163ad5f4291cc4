# A tour of the stdlib modules written in Python: operator, bisect, heapq, functools,
# itertools, collections.
import operator, bisect, heapq, functools, itertools, collections
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap
print(operator.add(2, 3), operator.itemgetter(1, 0)([5, 6]), operator.attrgetter('real')(3))
print(operator.methodcaller('split', ',')('a,b'), repr(operator.itemgetter(1)))
a = [1, 3, 5, 7]
print(bisect.bisect_left(a, 5), bisect.bisect(a, 5)); bisect.insort(a, 4); print(a)
h = []
for x in [5, 1, 8, 3, 9, 2]: heapq.heappush(h, x)
print(h, heapq.heappop(h), h, heapq.nsmallest(2, [4, 1, 7]), heapq.nlargest(2, [4, 1, 7]))
print(list(heapq.merge([1, 4], [2, 3, 9])))
print(functools.reduce(operator.mul, range(1, 6)))
p = functools.partial(int, base=2); print(p('101'), p)
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), fib.cache_info())
def deco(f):
    @functools.wraps(f)
    def w(*a): return f(*a)
    return w
@deco
def hello(): "hi doc"; return 1
print(hello.__name__, hello.__doc__, hello.__wrapped__.__name__)
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
print(list(itertools.islice(itertools.count(5, 2), 4)), itertools.count(3), itertools.repeat('x', 2))
print(list(itertools.chain([1], (2, 3))), list(itertools.chain.from_iterable(['ab', 'c'])))
print([(k, list(g)) for k, g in itertools.groupby('aabbbca')])
print(list(itertools.permutations('abc', 2)))
print(list(itertools.combinations(range(4), 2)), list(itertools.combinations_with_replacement('ab', 2)))
print(list(itertools.product('ab', repeat=2)), list(itertools.accumulate([1, 2, 3])))
print(list(itertools.zip_longest('ab', 'c', fillvalue='-')), list(itertools.pairwise([1, 2, 3])))
t1, t2 = itertools.tee(iter([1, 2, 3])); print(list(t1), list(t2))
print(list(itertools.islice('abcdefg', 2, None, 2)), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
d = deque([1, 2, 3], maxlen=4); d.appendleft(0); d.append(9); print(d, d.popleft(), d[1], len(d))
d.rotate(1); print(d, list(reversed(d)))
dd = defaultdict(list); dd['a'].append(1); print(dd, dict(dd))
c = Counter('abracadabra'); print(c, c.most_common(2), c['z'])
print(Counter(a=3, b=1) - Counter(a=1, b=2), Counter(a=1) + Counter(a=2, b=1))
od = OrderedDict([('a', 1), ('b', 2)]); od.move_to_end('a'); print(od, od.popitem(last=False))
P = namedtuple('P', 'x y'); p = P(1, y=2); print(p, p.x, p._asdict(), p._replace(x=5), P._fields)
x, y = p; print(x + y, isinstance(p, tuple), P._make([3, 4]))
Q = namedtuple('Q', ['a', 'b'], defaults=[0]); print(Q(1), Q.__name__)
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3}); print(cm['a'], cm['b'], len(cm), cm)
try: P(1)
except TypeError as e: print(e)
