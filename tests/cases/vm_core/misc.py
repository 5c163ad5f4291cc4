def kw(a, b=2, *args, c, d=4, **kwargs):
    return [a, b, args, c, d, sorted(kwargs.items()) if False else kwargs]
print(kw(1, c=3))
print(kw(1, 5, 6, 7, c=8, e=9))
print(kw(*[1, 2], **{"c": 3, "z": 0}))
def posonly(a, /, b):
    return a + b
print(posonly(1, b=2))
squares = {x: x * x for x in range(5)}
print(squares, [x for x in range(10) if x % 3 == 0], {x % 3 for x in range(10)})
nested = [[i * j for j in range(3)] for i in range(3)]
print(nested)
total = 0
for i in range(10):
    if i == 7:
        break
    if i % 2:
        continue
    total += i
else:
    total = -1
print(total)
k = 0
while k < 3:
    k += 1
else:
    print("while-else", k)
def gen_list(n):
    out = []
    for i, ch in [(0, "a"), (1, "b")] * n:
        out.append(str(i) + ch)
    return out
print(gen_list(2))
x = 10
def read_global():
    return x
def write_global():
    global x
    x = 20
write_global()
print(read_global())
print((lambda a, b=3: a * b)(4))
print("yes" if 3 > 2 else "no", "yes" if [] else "no")
d = {"a": 1}
d["b"] = 2
del d["a"]
print(d, len(d), "b" in d)
t = 1, 2, 3
print(t, len(t))
print(f"{1 + 1} {'x'!r} {3.14159:.2f} {42:>5}|{'s':<3}|")
if __name__ == "__main__":
    print("main!")
class Node:
    def __init__(self, v, nxt=None):
        self.v = v
        self.nxt = nxt
head = None
for i in range(5):
    head = Node(i, head)
vals = []
while head:
    vals.append(head.v)
    head = head.nxt
print(vals)
lst = [1, 2]
lst.append(lst)
print(lst)
print(str(1.0), str(True), str(None), str([1, "a"]), str("s"))
