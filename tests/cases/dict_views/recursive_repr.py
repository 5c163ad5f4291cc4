# A view stored in its own dict prints as ... (CPython repr guard on the view).
x = {1: 2}
x[2] = x.values()
print(x)
y = {1: 2}
y[2] = y.items()
print(y)
print(y.items())
z = {}
z[1] = z.keys()
print(z)
w = {"a": 1}
w["v"] = [w.values(), w.keys()]
print(repr(w), str(w["v"][0]))
