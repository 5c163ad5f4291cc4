def handler():
    try:
        {}["missing"]
    except KeyError:
        print("logging and re-raising")
        raise

try:
    handler()
except KeyError as e:
    print("outer caught", repr(e))

def wrap():
    try:
        raise ValueError("inner")
    except ValueError as e:
        err = e
    raise err

try:
    wrap()
except ValueError as e:
    print("raised again:", e)
