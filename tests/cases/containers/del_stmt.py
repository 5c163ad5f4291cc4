x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
lst = [1, 2, 3]
del lst[1]
print(lst)
class C:
    pass
c = C()
c.attr = 1
del c.attr
print(hasattr(c, "attr"))
a, b = 1, 2
del a, b
try:
    del d["missing"]
except KeyError as e:
    print("KeyError:", e)
