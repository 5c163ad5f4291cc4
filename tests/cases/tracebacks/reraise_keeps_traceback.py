def inner():
    raise KeyError("deep")

def middle():
    try:
        inner()
    except KeyError:
        print("seen, re-raising")
        raise

middle()
