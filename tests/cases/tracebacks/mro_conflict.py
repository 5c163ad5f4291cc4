# An inconsistent MRO, uncaught: the whole traceback (its message spans two lines).


class Base:
    pass


class Derived(Base):
    pass


def build():
    class Broken(Base, Derived):
        pass

    return Broken


build()
