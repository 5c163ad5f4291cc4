first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *mid, b = range(6)
print(a, mid, b)
x, *empty, y = (1, 2)
print(x, empty, y)
head, *tail = "h"
print(head, tail)
for start, *others in [(1, 2, 3), (4,)]:
    print(start, others)
