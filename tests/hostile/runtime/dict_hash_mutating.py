# expect: clean
class H:
    def __hash__(self):
        d.clear()
        return 1
d = {i: i for i in range(10)}
d[H()] = 1
print(len(d))
