class Base:
    """A base."""
    kind = "base"

    def __init__(self, name):
        self.name = name

    def describe(self):
        return f"{self.kind}:{self.name}"


class Child(Base):
    kind = "child"

    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra

    @staticmethod
    def helper(x):
        return x * 2

    def cls(self):
        return __class__


class Meta(Base, metaclass=type):
    pass


def factory(tag):
    class Local:
        label = tag
        def get(self):
            return tag
    return Local


class MyError(Exception):
    pass
