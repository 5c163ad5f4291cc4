class Stack(list):
    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1]

    def __repr__(self):
        return "Stack(" + super().__repr__() + ")"


s = Stack()
s.push(1).push(2)
s.extend([3, 4])
print(s, len(s), s.peek(), s.pop(), s, list(s), s[1:], s[::-1])
s[0] = 10
del s[1]
print(s, s == [10, 3], [10, 3] == s, 3 in s, s.index(3), sorted(s), type(s).__name__)
s += [7]
print(s, type(s).__name__)
s2 = s + [8]
print(s2, type(s2).__name__, s * 2)
for x in s:
    print("item", x)
print(bool(Stack()), bool(s), isinstance(s, list))


class Numbers(list):
    def __init__(self, *args):
        super().__init__(args)
        self.total = sum(args)


n = Numbers(1, 2, 3)
print(n, n.total, len(n))
n.sort(reverse=True)
print(n, n.count(2))


class L(list):
    pass


l = L([3, 1, 2])
l.sort()
print(l, L(), L("ab"), L(range(3)) == [0, 1, 2])
try:
    hash(l)
except TypeError as e:
    print("TypeError:", e)
try:
    L(1, 2)
except TypeError as e:
    print("TypeError:", e)
