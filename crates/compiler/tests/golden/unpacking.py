a, b = 1, 2
a, b = b, a
a, b, c = c, a, b
x, y = pair = (5, 6)
first, *rest = [1, 2, 3]
*init, last = "abc"
head, *mid, tail = range(10)
(p, q), r = (1, 2), 3
[m, n] = [7, 8]

def swap(items, i, j):
    items[i], items[j] = items[j], items[i]

for k, (v1, v2) in {}.items():
    pass
