try:
    raise ValueError("first")
except ValueError:
    try:
        raise TypeError("second")
    except TypeError:
        x = undefined
