def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(d > 900, d < 1000)
import sys
sys.setrecursionlimit(3000)
print(depth(0) > 2900)
sys.setrecursionlimit(1000)
nested = []
cur = nested
for i in range(5000):
    cur.append([])
    cur = cur[0]
try:
    repr(nested)
    print("no error")
except RecursionError:
    print("RecursionError from repr")
class Eq:
    def __eq__(self, other):
        return self == other
try:
    Eq() == Eq()
except RecursionError as e:
    print("RecursionError:", e)
def key_rec(x):
    return sorted([x, x], key=key_rec)
try:
    key_rec(1)
except RecursionError:
    print("RecursionError in sorted key")
