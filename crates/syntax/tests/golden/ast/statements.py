import os.path as p, sys
from math import (sqrt, pi as PI,)
from . import x
from ..a import *
x = y = 1
a, *b = c
[d, (e, f)] = g
x.y += 1
z: int = 3
w: list
if a: pass
elif b: pass
else: pass
while x:
    break
else:
    pass
for i, j in k:
    continue
del a[0], b.c
assert x, 'm'
raise E from None
global g
try:
    pass
except (A, B) as e:
    pass
except C:
    pass
else:
    pass
finally:
    pass
with open(f) as fh, lock:
    pass
with (a as b, c as d,):
    pass
with (a, b) as c: pass
x = 1; y = 2;
