# Counter, defaultdict, OrderedDict, ChainMap: counting, arithmetic, order and reprs.
from collections import Counter, defaultdict, OrderedDict, ChainMap

words = "the quick brown fox jumps over the lazy dog the end".split()
c = Counter(words)
print(c.most_common(3), c['the'], c['cat'], c.total(), len(c))
c.update(['fox', 'fox']); c.subtract({'the': 2})
print(c['fox'], c['the'], sorted(c.elements())[:4])
a, b = Counter(a=3, b=1, c=0), Counter(a=1, b=2)
print(a + b, a - b, a | b, a & b, +a, -Counter(x=-2))
a += b; print(a)
print(Counter(), Counter('aab') == Counter('aba'), isinstance(c, dict))
del c['nothing']
groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
print(sorted(groups.items()))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, counts.default_factory)
nd = defaultdict(None)
try:
    nd['x']
except KeyError as e:
    print('KeyError', e)
od = OrderedDict()
od['b'] = 1; od['a'] = 2; od['c'] = 3
od.move_to_end('b'); od.move_to_end('c', last=False)
print(od, list(od), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1) == OrderedDict(a=1), OrderedDict(), OrderedDict.fromkeys('xy', 0))
base = {'colour': 'red', 'size': 1}
cm = ChainMap({'size': 2}, base)
child = cm.new_child({'colour': 'blue'})
print(cm['size'], cm['colour'], child['colour'], sorted(child), len(child))
cm['new'] = 1; print(cm.maps[0], 'new' in cm, cm.get('missing', '-'))
try:
    del cm['colour']
except KeyError as e:
    print('KeyError', e)
