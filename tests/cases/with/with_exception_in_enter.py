class BadEnter:
    def __enter__(self):
        raise ValueError("enter failed")

    def __exit__(self, *args):
        print("exit should not run")

try:
    with BadEnter():
        print("body should not run")
except ValueError as e:
    print("caught:", e)

class ExitRaises:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        raise KeyError("from exit")

try:
    with ExitRaises():
        print("body runs")
except KeyError as e:
    print("caught:", repr(e))
