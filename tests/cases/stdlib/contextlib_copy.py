# contextlib (contextmanager, suppress, closing, nullcontext, redirect_stdout, ExitStack) and
# copy (copy, deepcopy with shared and cyclic references).
import contextlib
import copy


@contextlib.contextmanager
def tag(name):
    print('<%s>' % name)
    try:
        yield name.upper()
    finally:
        print('</%s>' % name)


with tag('b') as t:
    print('inside', t)
try:
    with tag('i'):
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)


@contextlib.contextmanager
def swallow():
    try:
        yield
    except KeyError:
        print('swallowed')


with swallow():
    raise KeyError('k')
with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
print('after suppress')


class Resource:
    def close(self):
        print('closed')


with contextlib.closing(Resource()) as r:
    print(type(r).__name__)
with contextlib.nullcontext(42) as v:
    print(v)


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


cap = Capture()
with contextlib.redirect_stdout(cap):
    print('hidden', 1, 2, sep='-')
print('captured', ''.join(cap.parts).strip())

with contextlib.ExitStack() as stack:
    for n in 'xyz':
        stack.enter_context(tag(n))
    stack.callback(print, 'callback first')
    print('body')


@tag('deco')
def decorated():
    print('in decorated')


decorated()

a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(99)
a[2]['k'].append(5)
print(b, c, b[1] is a[1], c[1] is a[1])
cyc = [1]
cyc.append(cyc)
d = copy.deepcopy(cyc)
print(d[1] is d, d[1] is cyc)
shared = [0]
pair = [shared, shared]
p2 = copy.deepcopy(pair)
print(p2[0] is p2[1], p2[0] is shared)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


pt = Point([1], 2)
pc, pd = copy.copy(pt), copy.deepcopy(pt)
pt.x.append(3)
print(pc, pd, type(pd).__name__)


class Custom:
    def __init__(self):
        self.log = []

    def __copy__(self):
        print('__copy__ called')
        return Custom()

    def __deepcopy__(self, memo):
        print('__deepcopy__ called')
        return Custom()


copy.copy(Custom())
copy.deepcopy([Custom()])
t = (1, 2, (3, 4))
print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.deepcopy((1, [2]))[1] == [2])
from collections import Counter, defaultdict, OrderedDict
cnt = Counter('aab')
dd = defaultdict(list, {'x': [1]})
print(copy.copy(cnt), copy.deepcopy(dd), copy.deepcopy(OrderedDict(a=[1])))
