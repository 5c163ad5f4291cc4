# An exception raised inside a metaclass __new__ while a class statement runs.


class Checked(type):
    def __new__(mcs, name, bases, ns):
        if "run" not in ns:
            raise TypeError(f"class {name} must define run()")
        return super().__new__(mcs, name, bases, ns)


class Good(metaclass=Checked):
    def run(self):
        return 1


class Bad(metaclass=Checked):
    pass
