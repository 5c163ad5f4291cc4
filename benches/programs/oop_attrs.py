# Attribute-heavy: instance attribute reads and writes, class attribute reads, attribute
# reads on a subclass instance (MRO walk), hasattr/getattr. Prints one checksum.
class Base:
    scale = 3

    def __init__(self):
        self.a = 1
        self.b = 2


class Node(Base):
    limit = 100

    def __init__(self):
        Base.__init__(self)
        self.c = 0


def run(n):
    node = Node()
    s = 0
    for i in range(n):
        node.a = node.a + 1
        node.b = node.b + node.a
        node.c = (node.c + node.scale) % node.limit
        s += node.a + node.c
        if node.b > 1000000:
            node.b = 0
        if getattr(node, 'missing', None) is None and hasattr(node, 'a'):
            s += 1
    return s, node.a, node.b, node.c


print(run(200000))
