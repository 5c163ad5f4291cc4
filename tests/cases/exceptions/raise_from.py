class ConfigError(Exception):
    pass

def load():
    try:
        int("not a number")
    except ValueError as e:
        raise ConfigError("bad config") from e

try:
    load()
except ConfigError as e:
    print("caught:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("suppress context:", e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("hidden cause") from None
except RuntimeError as e:
    print(e, e.__cause__, e.__suppress_context__)
