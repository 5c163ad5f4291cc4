class Name(str):
    def shout(self):
        return self.upper() + "!"


n = Name("alice")
print(n, repr(n), n.shout(), len(n), n[0], n.title(), n + "!", "hi " + n, type(n).__name__)
print(n == "alice", "alice" == n, hash(n) == hash("alice"), {"alice": 1}[n], {n: 2}["alice"])
print(f"{n}", f"{n:>8}|", "%s" % n, str(n), str(n) == n, type(str(n)).__name__)
print(n.startswith("al"), "lic" in n, n.split("l"), sorted([Name("b"), Name("a")]))
print(isinstance(n, str), n * 2, n < "bob", ",".join([n, n]))
print(int(Name("42")) + 1, float(Name("1.5")))


class Tagged(str):
    def __new__(cls, value, tag):
        self = super().__new__(cls, value)
        self.tag = tag
        return self

    def __repr__(self):
        return f"Tagged({str(self)!r}, {self.tag!r})"


t = Tagged("x", "t1")
print(t, repr(t), t.tag, [t], str(t), t.upper())


class Loud(str):
    def __str__(self):
        return self.upper()


print(Loud("quiet"), repr(Loud("quiet")))
class S(str): pass
class O: pass
o = O()
setattr(o, S("x"), 1)
print(getattr(o, S("x")), hasattr(o, S("x")), o.x)
delattr(o, S("x"))
print(hasattr(o, "x"))
