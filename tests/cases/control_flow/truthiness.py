values = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (None,), {}, {"k": 0}, set(), None, True, False, range(0), range(1)]
for v in values:
    print(repr(v), bool(v), "truthy" if v else "falsy")

class Empty:
    def __len__(self):
        return 0

class No:
    def __bool__(self):
        return False

class Plain:
    pass

print(bool(Empty()), bool(No()), bool(Plain()))
if not Empty():
    print("len 0 is falsy")
