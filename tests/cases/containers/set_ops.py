a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)))
print({1, 2} <= a, {1, 5} <= a, a >= {1}, {1, 2}.issubset(a), a.issuperset({9}))
s = set()
s.add(3)
s.add(1)
s.add(3)
s.discard(10)
print(sorted(s), len(s), 3 in s)
s.remove(3)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
s.update([7, 8])
print(sorted(s), s.pop() in {1, 7, 8})
print({2, 1} == {1, 2}, set([1, 1]) == {1})
