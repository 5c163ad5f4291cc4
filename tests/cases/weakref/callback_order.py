# Callbacks run when the referent dies, before the next statement; in reverse order of
# registration; not at all when the ref itself died first; an error in one is reported and
# the program goes on.
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.child = None


def make_cb(label):
    def cb(wr):
        print("dead:", label, wr() is None)
    return cb


a = Node("a")
r1 = weakref.ref(a, make_cb("first registered"))
r2 = weakref.ref(a, make_cb("second registered"))
print("deleting a")
del a
print("a deleted")

b = Node("b")
gone = weakref.ref(b, make_cb("never"))
del gone
del b
print("b deleted, its ref was gone first")

# a chain: dropping the head frees the whole chain
head = Node("h")
head.child = Node("c1")
head.child.child = Node("c2")
refs = [weakref.ref(head, make_cb("head")), weakref.ref(head.child, make_cb("c1")),
        weakref.ref(head.child.child, make_cb("c2"))]
head = None
print("chain dropped", [r() for r in refs])


def drop_in_function():
    local = Node("local")
    weakref.ref(local, make_cb("local"))
    keep = weakref.ref(local, make_cb("local kept ref"))
    return keep


k = drop_in_function()
print("returned", k())

c = Node("c")
bad = weakref.ref(c, lambda wr: 1 / 0)
del c
print("still running")

d = weakref.WeakValueDictionary()
for i in range(5):
    d[i] = Node(str(i))
print("values died at once:", len(d), list(d.keys()))
held = [Node(str(i)) for i in range(3)]
for i, n in enumerate(held):
    d[i] = n
print(sorted(d.keys()))
del held[0]
print(sorted(d.keys()))
