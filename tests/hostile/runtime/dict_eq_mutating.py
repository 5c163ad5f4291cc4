# expect: clean
class E:
    def __eq__(self, o):
        d.clear()
        return True
    def __hash__(self):
        return 1
d = {E(): 1}
print(d == {E(): 1})
