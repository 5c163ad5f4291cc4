# Property test (issue 18 item 4): random object graphs, deep, shared and cyclic (lists, dicts,
# tuples of them, atoms), built from a seeded generator of our own (the same in python3 and
# gilvm), go to a worker through a Queue and come back through a Pipe; each must come back with
# the same structure (a cycle-aware comparison: same types, atoms, order, and the same sharing:
# two references to one object arrive as two references to one object), then is dropped.
import multiprocessing as mp

SEED = 20261207
ROUNDS = 40


class Gen:
    """A linear congruential generator (deterministic, no dependence on random's algorithm)."""

    def __init__(self, seed):
        self.state = seed

    def next(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return (self.state >> 33) % n


ATOMS = [None, True, False, 0, -1, 7, 2**40, -(2**62), 1.5, -0.0, float("inf"), "", "a", "héllo ✓", b"", b"\x00\xff"]


def atom(g):
    return ATOMS[g.next(len(ATOMS))]


def key(g):
    # A hashable key: an atom, or a tuple of atoms.
    if g.next(4) == 0:
        return tuple(atom(g) for _ in range(g.next(3)))
    k = atom(g)
    return k if k == k else 0


def graph(g):
    """A random graph: a few containers linked to each other at random (so shared and often
    cyclic), some deep chains, tuples over them."""
    nodes = []
    for _ in range(1 + g.next(25)):
        nodes.append([] if g.next(2) else {})
    # Deep chains (within pickle's recursion limit in both interpreters).
    for _ in range(g.next(3)):
        x = atom(g)
        for _ in range(g.next(200)):
            x = [x] if g.next(3) else {key(g): x}
        nodes.append(x)
    for n in list(nodes):
        for _ in range(g.next(6)):
            r = g.next(10)
            if r < 4:
                v = nodes[g.next(len(nodes))]
            elif r < 6:
                v = tuple(nodes[g.next(len(nodes))] for _ in range(1 + g.next(3)))
                nodes.append(v)
            else:
                v = atom(g)
            if isinstance(n, list):
                n.append(v)
            elif isinstance(n, dict):
                n[key(g)] = v
    return nodes[g.next(len(nodes))], nodes


def same(a, b):
    """Structure equality that follows cycles: a bijection between a's and b's containers."""
    fwd, back = {}, {}
    todo = [(a, b)]
    count = 0
    while todo:
        x, y = todo.pop()
        if type(x) is not type(y):
            return False, count
        if not isinstance(x, (list, tuple, dict)):
            if x != y and not (x != x and y != y):
                return False, count
            if isinstance(x, float) and str(x) != str(y):
                return False, count
            continue
        if id(x) in fwd or id(y) in back:
            if fwd.get(id(x)) is not y or back.get(id(y)) is not x:
                return False, count
            continue
        fwd[id(x)] = y
        back[id(y)] = x
        count += 1
        if len(x) != len(y):
            return False, count
        if isinstance(x, dict):
            xk, yk = list(x), list(y)
            if xk != yk:
                return False, count
            todo.extend((x[k], y[k]) for k in xk)
        else:
            todo.extend(zip(x, y))
    return True, count


def worker(inbox, conn):
    while True:
        v = inbox.get()
        conn.send(v)
        if v is None:
            break


if __name__ == "__main__":
    g = Gen(SEED)
    inbox = mp.Queue()
    mine, theirs = mp.Pipe()
    p = mp.Process(target=worker, args=(inbox, theirs))
    p.start()
    total = 0
    cyclic = 0
    for i in range(ROUNDS):
        root, nodes = graph(g)
        inbox.put(root)
        back = mine.recv()
        ok, n = same(root, back)
        if not ok:
            print("round", i, "differs")
        total += n
        ok2, _ = same([root, root], [back, back])
        if not ok2:
            print("round", i, "sharing differs")
        # Whether the value reaches itself (a cycle): the comparison counts containers once.
        seen = set()
        todo = [root]
        while todo:
            x = todo.pop()
            if isinstance(x, (list, tuple, dict)):
                if id(x) in seen:
                    cyclic += 1
                    break
                seen.add(id(x))
                todo.extend(x.values() if isinstance(x, dict) else x)
        del root, nodes, back
    inbox.put(None)
    print(mine.recv())
    p.join()
    print("rounds", ROUNDS, "containers", total, "shared or cyclic", cyclic, "exit", p.exitcode)
    # Too deep for pickle: RecursionError in both, and the sender goes on.
    x = None
    for _ in range(100000):
        x = [x]
    try:
        mine.send(x)
    except RecursionError as e:
        print("RecursionError")
    except Exception as e:
        print(type(e).__name__)
    del x
    print("done")
