class Inspect:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("exit: no exception", exc, tb)
        else:
            print("exit:", exc_type.__name__, repr(exc), tb is not None)
        return True

with Inspect():
    pass
with Inspect():
    raise RuntimeError("oops")
with Inspect():
    int("x")
