# weakref.proxy: forwards attribute access, calls and common operators while the referent
# lives; ReferenceError after.
import weakref


class Box:
    def __init__(self, items):
        self.items = items
        self.label = "box"

    def size(self):
        return len(self.items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __call__(self, x):
        return x * 2

    def __str__(self):
        return f"Box{self.items}"


b = Box([1, 2, 3])
p = weakref.proxy(b)
print(p.label, p.size(), len(p), p[1], p(21), str(p), 2 in p, list(p))
p.label = "changed"
print(b.label)
del p.label
print(hasattr(b, "label"))
died = []
q = weakref.proxy(b, lambda r: died.append("callback"))
del b
print(died)
for f in (lambda: p.items, lambda: len(p), lambda: p(1), lambda: str(q)):
    try:
        f()
    except ReferenceError as e:
        print("ReferenceError:", e)
try:
    weakref.proxy(5)
except TypeError as e:
    print(e)
try:
    hash(weakref.proxy(Box([])))
except TypeError as e:
    print("TypeError")
