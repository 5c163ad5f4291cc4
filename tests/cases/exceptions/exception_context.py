try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    print("caught", repr(e))
    print("context", repr(e.__context__), e.__cause__)

try:
    raise TypeError("alone")
except TypeError as e:
    print(e.__context__, e.__cause__)
