try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
try:
    raise KeyError
except LookupError as e:
    print(type(e).__name__)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
