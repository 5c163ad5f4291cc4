class Tags(set):
    def tag(self, t):
        self.add(t)
        return self


t = Tags(["b", "a"])
t.tag("c")
print(sorted(t), len(t), "a" in t, type(t).__name__, isinstance(t, set))
t |= {"d"}
print(sorted(t), type(t).__name__, sorted(t & {"a", "z"}), t == {"a", "b", "c", "d"})
t.discard("a")
print(sorted(t), bool(Tags()), sorted(Tags("xy")))
