# set.pop() removes what CPython removes (the search finger advances).
s = {30, 10, 20, 5}
print([s.pop() for _ in range(4)])
s = set(range(20, 0, -3))
print(s.pop(), s.pop())
s.add(2)
print(s.pop(), s)
s = {1, 2, 3, 4}
s.pop()
s.pop()
s.add(1)
print(s.pop())
s.clear()
s.update([1, 2, 3, 4, 5])
print(s.pop(), s)
big = set(x * 13 for x in range(100))
out = []
while big:
    out.append(big.pop())
print(out[:10], out[-5:])
try:
    big.pop()
except KeyError as e:
    print("KeyError", e)
