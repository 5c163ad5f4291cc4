# The errors of object.__new__ / object.__init__ with extra arguments, as CPython words them.
def attempt(label, f):
    try:
        r = f()
        print(label, "ok", type(r).__name__)
    except TypeError as e:
        print(label, "TypeError:", e)


class Plain:
    pass


class WithInit:
    def __init__(self, x):
        self.x = x


class WithNew:
    def __new__(cls, x):
        return super().__new__(cls)


class NewPassesArgs:
    def __new__(cls, x):
        return super().__new__(cls, x)


class BothNewInit:
    def __new__(cls, *a):
        return object.__new__(cls)

    def __init__(self, *a):
        super().__init__(*a)


class InitCallsSuperWithArgs:
    def __init__(self, x):
        super().__init__(x)


attempt("Plain()", lambda: Plain())
attempt("Plain(1)", lambda: Plain(1))
attempt("Plain(a=1)", lambda: Plain(a=1))
attempt("WithInit(1)", lambda: WithInit(1))
attempt("WithInit()", lambda: WithInit())
attempt("WithNew(1)", lambda: WithNew(1))
attempt("WithNew()", lambda: WithNew())
attempt("NewPassesArgs(1)", lambda: NewPassesArgs(1))
attempt("BothNewInit(1)", lambda: BothNewInit(1))
attempt("BothNewInit()", lambda: BothNewInit())
attempt("InitCallsSuperWithArgs(1)", lambda: InitCallsSuperWithArgs(1))
attempt("object.__new__(WithInit, 1)", lambda: object.__new__(WithInit, 1))
attempt("object.__new__(Plain, 1)", lambda: object.__new__(Plain, 1))
attempt("object.__new__(WithNew, 1)", lambda: object.__new__(WithNew, 1))
attempt("object.__new__(1)", lambda: object.__new__(1))
attempt("object.__new__()", lambda: object.__new__())
attempt("object.__new__(int)", lambda: object.__new__(int))
attempt("object.__new__(ValueError)", lambda: object.__new__(ValueError))
attempt("object(1)", lambda: object(1))
attempt("int.__new__(int, '12')", lambda: int.__new__(int, "12"))
attempt("int.__new__(str)", lambda: int.__new__(str))
attempt("str.__new__(str, 5)", lambda: str.__new__(str, 5))
print(int.__new__(int, "12"), str.__new__(str, 5), tuple.__new__(tuple, [1, 2]))
