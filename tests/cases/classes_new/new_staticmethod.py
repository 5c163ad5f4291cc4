# __new__ is an implicit static method: reachable and callable through the class and instances.
class A:
    def __new__(cls, x):
        inst = super().__new__(cls)
        inst.x = x
        return inst


a = A.__new__(A, 5)
print(type(a).__name__, a.x)
print(type(A.__dict__["__new__"]).__name__)
print(A.__new__ is A.__dict__["__new__"].__func__)
b = a.__new__(A, 6)
print(b.x, hasattr(b, "x"))


class B:
    pass


print(B.__new__ is object.__new__ or B.__new__ == object.__new__ or "builtin")
inst = B.__new__(B)
print(type(inst).__name__)
print(type(object.__new__(B)).__name__)


class C:
    @staticmethod
    def __new__(cls):
        return "explicit staticmethod"


print(C())


class D:
    def make(cls):
        return object.__new__(cls)

    __new__ = make


print(type(D()).__name__)
