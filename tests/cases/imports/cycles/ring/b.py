from . import a
VALUE = "b"
def later():
    return a.VALUE
