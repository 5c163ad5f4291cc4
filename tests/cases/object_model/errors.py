# Error cases of the object model, with CPython's types and messages.


def attempt(label, f):
    try:
        f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", str(e).replace("\n", " "))
    else:
        print(label, "-> no error")


class A:
    pass


class B(A):
    pass


def inconsistent():
    class C(A, B):
        pass


def duplicate():
    class C(A, A):
        pass


def layout():
    class X(int, str):
        pass


def layout_exc():
    class X(int, Exception):
        pass


class M1(type):
    pass


class M2(type):
    pass


class P1(metaclass=M1):
    pass


class P2(metaclass=M2):
    pass


def meta_conflict():
    class C(P1, P2):
        pass


def type_conflict():
    type("X", (P1, P2), {})


def kw_to_object():
    class C(A, flag=True):
        pass


def bad_prepare():
    class Meta(type):
        @classmethod
        def __prepare__(mcs, name, bases):
            return 42

    class C(metaclass=Meta):
        pass


def bad_type_args():
    type("X", A, {})


def bad_type_args2():
    type("X", (), [])


def bad_type_count():
    type("X", ())


def slot_conflict():
    class C:
        __slots__ = ("x",)
        x = 1


def slot_type():
    class C:
        __slots__ = (1,)


def slots_attr():
    class C:
        __slots__ = ()

    C().anything = 1


def two_slotted_bases():
    class S1:
        __slots__ = ("a",)

    class S2:
        __slots__ = ("b",)

    class S3(S1, S2):
        pass


def bad_super():
    super(B, A())


def bad_super_type():
    super(1, A())


def not_subscriptable():
    A[int]


def bool_base():
    class C(bool):
        pass


def init_subclass_error():
    class Strict:
        def __init_subclass__(cls, required, **kw):
            super().__init_subclass__(**kw)

    class Loose(Strict):
        pass


for f in [
    inconsistent,
    duplicate,
    layout,
    layout_exc,
    meta_conflict,
    type_conflict,
    kw_to_object,
    bad_prepare,
    bad_type_args,
    bad_type_args2,
    bad_type_count,
    slot_conflict,
    slot_type,
    slots_attr,
    two_slotted_bases,
    bad_super,
    bad_super_type,
    not_subscriptable,
    bool_base,
    init_subclass_error,
]:
    attempt(f.__name__, f)
