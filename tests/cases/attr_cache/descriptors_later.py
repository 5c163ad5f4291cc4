# Descriptors added to a class after instance-dict lookups of the same name were cached.
class P:
    pass

p = P()
p.val = "instance"
for _ in range(3):
    print(p.val)

# A property (a data descriptor) shadows the instance dict.
P.val = property(lambda self: "property")
print(p.val)
try:
    p.val = 1
except AttributeError:
    print("AttributeError")
del P.val
print(p.val)

# A non-data descriptor does not shadow the instance dict, but is used when the dict lacks it.
class NonData:
    def __get__(self, obj, cls):
        return "nondata"

P.val = NonData()
print(p.val)
del p.val
print(p.val)
del P.val

# A data descriptor class with __set__ added on a base.
class Data:
    def __get__(self, obj, cls):
        return "data get"
    def __set__(self, obj, value):
        print("data set", value)

class Q(P):
    pass

q = Q()
q.w = 1
print(q.w)
P.w = Data()
print(q.w)
q.w = 2
print(q.__dict__)

# A descriptor type gains __set__ after its instance was installed.
class Later:
    def __get__(self, obj, cls):
        return "later get"

class R:
    d = Later()

r = R()
r.__dict__["d"] = "dict value"
print(r.d)
