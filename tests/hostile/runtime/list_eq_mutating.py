# expect: ok
# cpython: same
class E:
    def __eq__(self, o):
        a.clear()
        return False
a = [E(), E(), E()]
print(a == [1, 2, 3])
