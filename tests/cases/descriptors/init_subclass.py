# __init_subclass__ is an implicit class method called for every new subclass.
registry = []


class Plugin:
    def __init_subclass__(cls):
        super().__init_subclass__()
        registry.append(cls.__name__)
        cls.registered = True


class Alpha(Plugin):
    pass


class Beta(Alpha):
    pass


print(registry, Alpha.registered, Beta.registered, "registered" in Plugin.__dict__)
print(type(Plugin.__dict__["__init_subclass__"]).__name__)


class Counted:
    count = 0

    @classmethod
    def __init_subclass__(cls):
        Counted.count += 1


class X(Counted):
    pass


Y = type("Y", (Counted,), {})
print(Counted.count)


# __class_getitem__ is an implicit class method too.
class Generic:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)


class Specific(Generic):
    pass


print(Generic[int], Specific["x"], type(Generic.__dict__["__class_getitem__"]).__name__)
