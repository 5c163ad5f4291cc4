# object.__init__ with extra arguments: CPython's two messages and the cases it allows.
class A:
    def __new__(cls, *a):
        return super().__new__(cls)
class B:
    pass
class C:
    def __init__(self, x):
        super().__init__(x)
class T(tuple):
    pass
for label, f in [("A", lambda: object.__init__(A(), 1)), ("B", lambda: object.__init__(B(), 1)),
                 ("C", lambda: C(1)), ("T", lambda: object.__init__(T(), 1)), ("obj", lambda: object.__init__(object(), 1)),
                 ("int", lambda: object.__init__(5, 1))]:
    try:
        print(label, f())
    except TypeError as e:
        print(label, "TypeError:", e)
