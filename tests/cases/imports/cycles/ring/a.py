from . import b
VALUE = "a+" + b.VALUE
