a = b = c = 0
a += 1
print(a, b, c)
x = [1, 2, 3]
y = x
y += [4]
print(x is y, x)
s = "ab"
t = s
t += "c"
print(s, t)

class Obj:
    pass

o = Obj()
o.count = 1
o.count += 5
o.count *= 2
o.items = [1]
o.items += [2]
print(o.count, o.items)
d = {"k": 1, "l": [1]}
d["k"] += 10
d["k"] **= 2
d["l"] *= 2
d["new"] = d.get("new", 0) + 1
print(d)
lst = [1, 2, 3]
lst[0] -= 1
lst[-1] //= 2
lst[1] %= 2
print(lst)
m = [[0, 0], [0, 0]]
m[1][0] += 7
print(m)
n = 10
n /= 4
print(n)
i = j = []
i.append(1)
print(j)
lst[1:2] = [8, 9]
print(lst)
