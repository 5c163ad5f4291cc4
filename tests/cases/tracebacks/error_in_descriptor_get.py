class Lazy:
    def __get__(self, obj, objtype=None):
        return obj.compute()


class Model:
    value = Lazy()

    def compute(self):
        return 1 / 0


m = Model()
print(type(Model.__dict__["value"]).__name__)
print(m.value)
