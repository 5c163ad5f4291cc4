# Built-in types that cannot be extended, and type() with built-in bases.
for base in (bool, range, slice, type(None)):
    try:
        class X(base):
            pass
    except TypeError as e:
        print("TypeError:", e)
try:
    type("Y", (bool,), {})
except TypeError as e:
    print("TypeError:", e)
Z = type("Z", (int,), {"double": lambda self: self * 2})
z = Z(21)
print(z, z.double(), isinstance(z, int), type(z).__name__)
W = type("W", (list,), {})
w = W("abc")
print(w, len(w), type(w).__name__)
