# int() of objects whose __int__ / __index__ return big ints, and of big int subclasses.
class I:
    def __int__(self):
        return 2 ** 100


class X:
    def __index__(self):
        return -(3 ** 80)


class Big(int):
    pass


print(int(I()), int(X()))
b = Big(7 ** 50)
print(int(b), type(int(b)).__name__, int(b) == 7 ** 50)
print(int(Big(5)), int(I()) + 1)


class Bad:
    def __int__(self):
        return "no"


try:
    int(Bad())
except TypeError as e:
    print(e)
