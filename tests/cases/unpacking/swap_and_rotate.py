a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
lst = [10, 20, 30]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
class P:
    pass
p = P()
p.x, p.y = 1, 2
p.x, p.y = p.y, p.x
print(p.x, p.y)
i = 0
arr = [5, 6]
i, arr[i] = 1, 99
print(i, arr)
