class Base:
    def __init_subclass__(cls):
        if not cls.__name__.startswith("Good"):
            raise TypeError(f"bad subclass name {cls.__name__}")


class GoodChild(Base):
    pass


print("made", GoodChild.__name__)


class BadChild(Base):
    pass
