# An exception raised in __new__ propagates with a traceback through __new__.
class Strict:
    def __new__(cls, value):
        if value < 0:
            raise ValueError(f"negative: {value}")
        return super().__new__(cls)

    def __init__(self, value):
        self.value = value


print(Strict(3).value)
try:
    Strict(-1)
except ValueError as e:
    print("caught", e)


class InitNotNone:
    def __new__(cls):
        return super().__new__(cls)

    def __init__(self):
        return 1


try:
    InitNotNone()
except TypeError as e:
    print(e)

Strict(-2)
