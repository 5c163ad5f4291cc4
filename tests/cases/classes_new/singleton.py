# __new__ returning a cached instance: __init__ still runs on every call (it is an instance).
class Singleton:
    _instance = None

    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            print("creating", cls.__name__)
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self, value=None):
        print("init with", value)
        self.value = value


a = Singleton(1)
b = Singleton(2)
print(a is b, a.value, b.value)


class Sub(Singleton):
    _instance = None


s = Sub(3)
print(s is a, type(s).__name__, s.value)
print(Singleton(4) is a, a.value)
