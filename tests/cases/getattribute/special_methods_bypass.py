# Special methods (here `with`) are looked up on the type: __getattribute__ and the instance
# dict are not consulted, as in CPython.
class Manager:
    def __getattribute__(self, name):
        raise AttributeError("no attribute access at all: " + name)

    def __enter__(self):
        print("enter")
        return 42

    def __exit__(self, *exc):
        print("exit", exc[0])
        return False


with Manager() as value:
    print("inside", value)


class NotAManager:
    pass


m = NotAManager()
m.__enter__ = lambda: None
m.__exit__ = lambda *a: None
try:
    with m:
        pass
except TypeError as e:
    print("TypeError:", e)
print(len([1, 2]), hasattr(Manager(), "__enter__"))
