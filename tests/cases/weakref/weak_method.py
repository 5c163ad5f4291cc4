# weakref.WeakMethod: a weak reference to a bound method, dead with its instance.
import weakref


class Handler:
    def __init__(self, name):
        self.name = name

    def handle(self, x):
        return f"{self.name} handled {x}"


h = Handler("h1")
wm = weakref.WeakMethod(h.handle, lambda r: print("method ref died"))
m = wm()
print(m(1), m.__self__ is h, m.__func__ is Handler.handle)
del m
wm2 = weakref.WeakMethod(h.handle)
print(wm == wm2)
del h
print(wm(), wm2())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError", str(e).split(",")[0])
