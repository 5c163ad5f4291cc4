# Lookup precedence: data descriptor > instance dict > non-data descriptor > class attribute.
class NonData:
    def __get__(self, obj, objtype=None):
        return "non-data from " + ("class" if obj is None else "instance")


class Data:
    def __get__(self, obj, objtype=None):
        return "data"

    def __set__(self, obj, value):
        print("Data.__set__", value)


class SetOnly:
    def __set__(self, obj, value):
        print("SetOnly.__set__", value)
        obj.__dict__["s"] = value


class C:
    nd = NonData()
    d = Data()
    s = SetOnly()
    plain = "class attr"


c = C()
print(c.nd, C.nd)
c.__dict__["nd"] = "instance wins over non-data"
print(c.nd)
c.nd = "assigned"
print(c.nd, C.nd)
del c.nd
print(c.nd)
print(c.d)
c.__dict__["d"] = "ignored: data descriptor wins"
print(c.d)
c.d = 5
print(type(c.s).__name__)
c.s = 7
print(c.s)
print(c.plain)
c.plain = "instance attr"
print(c.plain, C.plain)
try:
    del c.d
except AttributeError as e:
    print("AttributeError:", e)
